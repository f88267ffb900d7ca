"""The name the docs used before tokens were hashed: the same as `create_token`."""

from .create_token import Command as CreateToken


class Command(CreateToken):
    pass

"""The README's production block (issue 16 item 6): `check --deploy` is clean with exactly its variables."""

import re
import secrets
from pathlib import Path

from .test_settings import manage

README = Path(__file__).resolve().parent.parent / "README.md"


def production_variables() -> dict[str, str]:
    text = README.read_text()
    section = text[text.index("## Production\n") : text.index("## Layout\n")]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    variables = {}
    for name, value in re.findall(r"^export (\w+)=(\S+)", block, re.M):
        if value.startswith('"$('):
            value = secrets.token_urlsafe(50)  # the block makes one with the same command
        variables[name] = value.strip('"')
    return variables


def test_the_production_block_names_the_deployment_variables():
    variables = production_variables()
    assert variables["DEBUG"] == "0"
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL"):
        assert variables.get(name), name
    assert variables["CACHE_URL"] != variables["CELERY_BROKER_URL"]  # the cache apart from the broker


def test_check_deploy_is_clean_with_the_readmes_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production_variables())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_production_section_covers_what_a_deployment_needs():
    text = README.read_text()
    section = text[text.index("## Production\n") : text.index("## Layout\n")]
    for needed in (
        "Staff status",
        "--appendonly yes",
        "noeviction",
        "separate",
        "--worker-class gthread",
        "--timeout 120",
        "sweep_extraction",
        "celery -A factdesk beat",
        "PASSWORD_RESET=1",
        "check --deploy",
    ):
        assert needed in section, needed

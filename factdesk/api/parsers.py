"""Request parsing with a size limit, so a huge body is refused before it is read into memory, and a depth
limit, so a body nested past FACTDESK_MAX_JSON_DEPTH (or holding a NUL) is a 400, not a RecursionError."""

import io

from django.conf import settings
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser

from . import hostile


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    def __init__(self):
        limit = settings.FACTDESK_API_MAX_BODY_BYTES
        super().__init__(f"The request body is larger than {limit} bytes (FACTDESK_API_MAX_BODY_BYTES).")


class LimitedJSONParser(JSONParser):
    """JSON, refused with 413 above FACTDESK_API_MAX_BODY_BYTES before anything is parsed, and with 400
    when nested too deep or holding a NUL character."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.FACTDESK_API_MAX_BODY_BYTES
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        if declared.isdigit() and int(declared) > limit:
            raise PayloadTooLarge()
        data = stream.read(limit + 1)  # a body without a (truthful) length is still cut off
        if len(data) > limit:
            raise PayloadTooLarge()
        try:
            value = super().parse(io.BytesIO(data), media_type, parser_context)
            hostile.check_value(value)
        except RecursionError:
            raise exceptions.ParseError(f"JSON nested deeper than {hostile.max_depth()} levels is refused.") from None
        except hostile.HostileInput as exc:
            raise exceptions.ParseError(str(exc)) from None
        return value

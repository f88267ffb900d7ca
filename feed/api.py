"""GET /api/v1/events/: every change in the desk, oldest first, from a cursor."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from factdesk.api import schema
from factdesk.api.schema import error_responses

from .models import Event
from .sequence import sequence
from .serializers import FeedEventSerializer
from .types import EVENT_TYPES, PAYLOADS

DEFAULT_LIMIT, MAX_LIMIT = 100, 1000


class FeedPageSerializer(serializers.Serializer):
    results = FeedEventSerializer(many=True)
    next = serializers.CharField(help_text="The URL of the next page: follow it now, or keep it for the next poll")
    cursor = serializers.IntegerField(help_text="Send as `after` to go on from here (also inside `next`)")
    more = serializers.BooleanField(help_text="More events are waiting beyond this page")


def _non_negative(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or len(raw) > 18:
        raise ValidationError({name: ["A whole number, 0 or more."]})
    value = int(raw)
    if maximum is not None and not 1 <= value <= maximum:
        raise ValidationError({name: [f"Between 1 and {maximum}."]})
    return value


class FeedView(GenericAPIView):
    """Every change in the desk, oldest first: claims (the extractor's, editors', the linker's, deletions
    included) and articles (ingested, corrected, extracted, deleted)."""

    read_permissions = ("feed.view_event",)
    serializer_class = FeedEventSerializer
    pagination_class = None
    filter_backends: list = []

    @extend_schema(
        operation_id="events_list",
        summary="The change feed: every change in the desk, oldest first, from a cursor",
        description=(
            "Start with no `after` (or `after=0`), then send the `cursor` of each answer as `after` (or follow "
            "`next`). A tool that does so sees every change exactly once, in the order they became visible: "
            "a change committed late is placed after those already served, never before. Filters "
            "(`type`, `claim`, `article`) narrow the page; the cursor still moves past what they skipped."
        ),
        parameters=[
            OpenApiParameter(
                "after", OpenApiTypes.INT, description="The cursor: events after this one (0: from the start)"
            ),
            OpenApiParameter(
                "limit", OpenApiTypes.INT, description=f"At most this many (default {DEFAULT_LIMIT}, up to {MAX_LIMIT})"
            ),
            OpenApiParameter(
                "type",
                OpenApiTypes.STR,
                enum=list(EVENT_TYPES),
                many=True,
                explode=True,
                description="Only these types",
            ),
            OpenApiParameter("claim", OpenApiTypes.INT, description="Only changes of this claim"),
            OpenApiParameter("article", OpenApiTypes.INT, description="Only changes of this article and its claims"),
        ],
        responses={200: FeedPageSerializer, **error_responses(400, 403)},
    )
    def get(self, request):
        after = _non_negative(request, "after", 0)
        limit = _non_negative(request, "limit", DEFAULT_LIMIT, MAX_LIMIT)
        head = sequence() or 0
        events = Event.objects.filter(position__gt=after, position__lte=head).select_related("actor")
        types = request.query_params.getlist("type")
        unknown = sorted(set(types) - set(EVENT_TYPES))
        if unknown:
            raise ValidationError({"type": [f"Unknown: {', '.join(unknown)}. One of: {', '.join(EVENT_TYPES)}."]})
        if types:
            events = events.filter(type__in=types)
        for name in ("claim", "article"):
            if request.query_params.get(name):
                events = events.filter(**{f"{name}_id": _non_negative(request, name, 0)})
        page = list(events.order_by("position")[: limit + 1])
        more = len(page) > limit
        page = page[:limit]
        # A full page ends at its last event; otherwise everything up to the head was looked at.
        cursor = page[-1].position if more else max(head, after)
        query = request.query_params.copy()
        query["after"] = str(cursor)
        return Response(
            {
                "results": FeedEventSerializer(page, many=True).data,
                "next": request.build_absolute_uri(f"{request.path}?{query.urlencode()}"),
                "cursor": cursor,
                "more": more,
            }
        )


def _component_name(event_type: str) -> str:
    return "FeedEvent" + "".join(part.capitalize() for part in event_type.replace(".", "_").split("_"))


def _variant(event_type: str, before: dict, after: dict) -> dict:
    """The feed event of one type: the common fields, its `type` fixed, its `before` and `after` typed."""
    payload = {"type": "object", "additionalProperties": True}
    return {
        "type": "object",
        "description": f"A `{event_type}` change",
        "required": ["id", "type", "at", "actor_name", "fields", "before", "after"],
        "properties": {
            "id": {"type": "integer", "description": "The event's place in the feed: the cursor"},
            "type": {"type": "string", "enum": [event_type]},
            "at": {"type": "string", "format": "date-time"},
            "claim": {"type": "integer", "nullable": True},
            "article": {"type": "integer", "nullable": True},
            "actor": {"allOf": [{"$ref": "#/components/schemas/Actor"}], "nullable": True},
            "actor_name": {"type": "string"},
            "version": {"type": "integer", "nullable": True},
            "fields": {"type": "array", "items": {"type": "string"}},
            "before": payload | {"properties": before},
            "after": payload | {"properties": after},
            "history_id": {"type": "integer", "nullable": True},
        },
    }


# Each type's payload in the schema: a page's `results` hold one of them, told apart by `type`.
schema.register_components({_component_name(t): _variant(t, *PAYLOADS[t]) for t in EVENT_TYPES})
schema.register_component_extras(
    {
        "FeedPage": {
            "properties": {
                "results": {
                    "type": "array",
                    "items": {
                        "oneOf": [{"$ref": f"#/components/schemas/{_component_name(t)}"} for t in EVENT_TYPES],
                        "discriminator": {
                            "propertyName": "type",
                            "mapping": {t: f"#/components/schemas/{_component_name(t)}" for t in EVENT_TYPES},
                        },
                    },
                },
                "next": {"type": "string", "format": "uri", "description": "The next page: follow it now or later"},
                "cursor": {"type": "integer", "description": "Send as `after` to go on from here"},
                "more": {"type": "boolean", "description": "More events are waiting beyond this page"},
            }
        }
    }
)

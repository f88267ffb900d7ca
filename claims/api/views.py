"""/api/v1/claims/ and what hangs off a claim: notes, links, events, its ClaimReview.

Views validate with a serializer, call one `claims.workflow` function, and answer with the claim as
it now is. Workflow refusals carry their own code and status; `factdesk.api.errors` answers them as JSON.
"""

from __future__ import annotations

import re

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from articles.api import NewestFirst
from factdesk.api import schema
from factdesk.api.conditional import conditional
from factdesk.api.schema import BODY_ERRORS, ErrorSerializer

from .. import queries, workflow
from ..filters import ClaimFilter
from ..models import Annotation, Claim, ClaimEvent, ClaimLink
from .claimreview import CLAIMREVIEW_SCHEMA, EmbeddableJSONRenderer, JSONLDRenderer, claim_review
from .serializers import (
    MAX_VERSION,
    AnnotationInputSerializer,
    AnnotationSerializer,
    ClaimEditSerializer,
    ClaimSerializer,
    EventSerializer,
    GroupTransitionSerializer,
    LinkInputSerializer,
    LinkSerializer,
    LinkStateSerializer,
    TransitionSerializer,
    claim_page_url,
)

# The claims API's own error codes, per status, as the schema documents them.
ERROR_DESCRIPTIONS = {
    400: "Invalid input: `code` is `invalid` (see `fields`), `parse_error`, `note_required`, `invalid_reason`, "
    "`invalid_edit`, `invalid_link` or `refused`.",
    409: "Conflict: `invalid_transition` (the claim's status does not allow it), `stale` (see the 409 body), "
    "`group_changed` (the fact group is not the one sent) or `stale_link` (another decision on the link landed "
    "since the state you sent).",
}


def error_responses(*codes: int):
    return schema.error_responses(*codes, descriptions=ERROR_DESCRIPTIONS)


READ = ("claims.view_claim",)
REVIEW = ("claims.review_claim",)
_IF_MATCH = re.compile(r'(?:W/)?"?([0-9]{1,10})"?')


class StaleErrorSerializer(ErrorSerializer):
    current = ClaimSerializer(required=False, help_text="With `code` stale: the claim as it is now")


CONFLICT = OpenApiResponse(
    StaleErrorSerializer,
    description=(
        "`stale`: the claim changed since the version sent; `current` holds it as it is now and nothing "
        "was changed. `invalid_transition`: the claim's status does not allow the move."
    ),
)
ETAG = OpenApiParameter(
    "ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200], description='The claim\'s version, e.g. "3"'
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description='The version you last read, e.g. "3": an alternative to `version` in the body (the body wins).',
)
LINK_STATE = OpenApiParameter(
    "state",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=list(ClaimLink.State.values),
    description="Only links in this state",
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description='The ETag you hold, e.g. "3": 304 Not Modified, with no body, while the claim is unchanged.',
)
NOT_MODIFIED = OpenApiResponse(description="Not modified: the ETag sent in If-None-Match is current")
CLAIM_ID = OpenApiParameter("claim_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The claim's id")


def expected_version(request, sent: int | None) -> int:
    """The version the tool last saw: `version` in the body, else an If-Match header."""
    if sent is not None:
        return sent
    header = request.headers.get("If-Match", "").strip()
    if header:
        match = _IF_MATCH.fullmatch(header)
        if match is None or not 1 <= int(match.group(1)) <= MAX_VERSION:
            raise ValidationError({"If-Match": ['Send the claim\'s version, e.g. If-Match: "3".']})
        return int(match.group(1))
    raise ValidationError({"version": ["Required: the claim's version as you last read it (or If-Match)."]})


class ClaimFilterBackend(DjangoFilterBackend):
    """ClaimFilter with the requesting user, so `assignee=mine` means them."""

    def get_filterset_kwargs(self, request, queryset, view):
        return super().get_filterset_kwargs(request, queryset, view) | {"user": request.user}


@extend_schema_view(
    list=extend_schema(
        summary="List claims, newest first, with the review queue's filters",
        description=(
            "Cursor-paginated by id, newest first (`page_size` up to 200, default 50). Claims extracted while "
            "you page never shift the pages you are on; to pick up changes later, filter by `updated_since`."
        ),
        responses={200: ClaimSerializer(many=True), **error_responses(400, 403)},
    ),
    retrieve=extend_schema(
        summary="One claim with its extracted fields and review state",
        description=(
            "`ETag` is the claim's version; it changes with every change to the claim, its links, notes or fact "
            "group. Send it back in `If-None-Match` to get 304 while nothing changed."
        ),
        parameters=[ETAG, IF_NONE_MATCH],
        responses={200: ClaimSerializer, 304: NOT_MODIFIED, **error_responses(403, 404)},
    ),
    partial_update=extend_schema(
        summary="Correct a claim's structured fields",
        description=(
            "Only the structured fields may change; the extractor's proposal stays in `extracted` and the "
            "changed names are added to `edited_by_editor`. Send `version` (or If-Match)."
        ),
        parameters=[IF_MATCH, ETAG],
        request=ClaimEditSerializer,
        responses={200: ClaimSerializer, **error_responses(*BODY_ERRORS, 403, 404), 409: CONFLICT},
    ),
)
class ClaimViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ClaimSerializer
    read_permissions = READ
    write_permissions = REVIEW
    filter_backends = [ClaimFilterBackend]
    filterset_class = ClaimFilter
    pagination_class = NewestFirst
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        # for_queue() leaves the article's body out: it is large and the claim carries its sentence.
        return Claim.objects.for_queue().with_contradiction_flag().select_related("reviewed_by")

    def error_extra(self, exc: Exception) -> dict:
        """A stale claim's 409 carries the claim as it is now, so a tool can merge and retry."""
        if isinstance(exc, workflow.StaleClaim) and exc.current is not None:
            fresh = self.get_queryset().get(pk=exc.current.pk)
            return {"current": self.get_serializer(fresh).data}
        return {}

    def _claim_response(self, pk: int) -> Response:
        claim = self.get_queryset().get(pk=pk)
        # Every visible change bumps the version (links, notes and the group included), so it is the ETag.
        return conditional(self.request, self.get_serializer(claim).data, etag=f'"{claim.version}"')

    def retrieve(self, request, *args, **kwargs):
        return self._claim_response(self.get_object().pk)

    def partial_update(self, request, *args, **kwargs):
        claim = self.get_object()
        serializer = ClaimEditSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = expected_version(request, serializer.validated_data.get("version"))
        workflow.edit_fields(claim, changes=serializer.changes(), editor=request.user, version=version)
        return self._claim_response(claim.pk)

    @extend_schema(
        summary="Change a claim's status: start a review, give or reopen a verdict, dismiss or restore",
        description=(
            "new or in_review → verified | false | misleading | unverifiable | needs_context (a verdict given to a "
            "new claim is one event that records the passage through review), new → in_review, a verdict back to "
            "in_review; new or in_review → dismissed (not a claim, or not worth checking; optional `reason`: "
            "not_a_claim, background, duplicate, other) and dismissed → new or in_review to undo it. A note is "
            "required for false, misleading and needs_context. Send `version` (or If-Match). 409 "
            "`invalid_transition` when the status does not allow the move, 409 `stale` when someone changed the "
            "claim since, 400 `invalid_reason` for a reason without a dismissal."
        ),
        parameters=[IF_MATCH],
        request=TransitionSerializer,
        responses={200: ClaimSerializer, **error_responses(*BODY_ERRORS, 403, 404), 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        claim = self.get_object()
        serializer = TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        version = expected_version(request, data.get("version"))
        workflow.transition(
            claim, to=data["to"], editor=request.user, version=version, note=data["note"], reason=data["reason"]
        )
        return self._claim_response(claim.pk)

    def _group_response(self, group: list[Claim]) -> Response:
        claims = self.get_queryset().filter(pk__in=[member.pk for member in group]).order_by("pk")
        return Response(self.get_serializer(claims, many=True).data)

    @extend_schema(
        summary="The claim's fact group: it and every claim joined to it by confirmed same-fact links",
        description=(
            "Transitively, ordered by id; a claim without confirmed `same` links is alone in its group. Send the "
            "`version` of each to `group-transition`."
        ),
        responses={200: ClaimSerializer(many=True), **error_responses(403, 404)},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])  # one claim's group, whole
    def group(self, request, pk=None):
        return self._group_response(queries.fact_group(self.get_object()))

    @extend_schema(
        summary="Give every claim of the fact group the same status (verdict), each with its own event",
        description=(
            "`to` must be a verdict; every claim takes it whatever its state (new, in review, dismissed or already "
            "decided: no reopening), and its event keeps the note it had (`before.note`); a claim that has this "
            "verdict and note already is left alone. `versions` maps each claim id of the group to the version you "
            "read. All or nothing: 409 `stale` (`current` is the claim that changed), `invalid_transition` (`to` is "
            "no verdict) or `group_changed` (a claim joined or left the group); 400 `note_required`. Answers the "
            "group as it now is."
        ),
        request=GroupTransitionSerializer,
        responses={200: ClaimSerializer(many=True), **error_responses(*BODY_ERRORS, 403, 404), 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="group-transition", pagination_class=None, filter_backends=[])
    def group_transition(self, request, pk=None):
        claim = self.get_object()
        serializer = GroupTransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        group = workflow.transition_group(
            claim, to=data["to"], editor=request.user, versions=data["versions"], note=data["note"]
        )
        return self._group_response(group)

    @extend_schema(
        summary="The claim's schema.org ClaimReview (JSON-LD), ready to publish",
        description=(
            "For a claim with a verdict, as `application/ld+json` (`Accept: application/json` gets the same as "
            "JSON). `url` is the verdict's `factcheck_url` (the claim's page until it is set), `claimReviewed` its "
            "`claim_reviewed` (else the sentence); the Claim's `author` is the attribution, `appearance` every "
            "article of the fact group, the earliest `firstAppearance`. Rating on 1-5: false 1, misleading 2, "
            "needs_context 3, verified 5; unverifiable has no ratingValue, only its name. 404 `no_verdict` while "
            "the claim is open."
        ),
        responses={
            200: OpenApiResponse(CLAIMREVIEW_SCHEMA, description="ClaimReview JSON-LD"),
            **error_responses(403, 404),
        },
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONLDRenderer, EmbeddableJSONRenderer])
    def claimreview(self, request, pk=None):
        claim = self.get_object()
        if not claim.verdict:
            raise NotFound("This claim has no verdict yet, so it has no ClaimReview.", code="no_verdict")
        review = claim_review(claim, page_url=claim_page_url(claim, request), group=queries.fact_group(claim))
        return Response(review)


class ClaimChildViewSet(viewsets.GenericViewSet):
    """Rows under /claims/<claim_id>/…: the claim must exist, or 404."""

    read_permissions = READ
    write_permissions = REVIEW
    pagination_class = None  # a claim's notes, links and events are few
    lookup_value_regex = r"[0-9]+"

    @property
    def claim(self) -> Claim:
        if not hasattr(self, "_claim"):
            self._claim = get_object_or_404(Claim, pk=self.kwargs["claim_id"])
        return self._claim

    def is_schema_only(self) -> bool:
        return getattr(self, "swagger_fake_view", False)


@extend_schema(parameters=[CLAIM_ID])
@extend_schema_view(
    list=extend_schema(
        summary="A claim's notes, oldest first",
        responses={200: AnnotationSerializer(many=True), **error_responses(403, 404)},
    ),
    retrieve=extend_schema(summary="One note", responses={200: AnnotationSerializer, **error_responses(403, 404)}),
    create=extend_schema(
        summary="Add a note (with an evidence link) to a claim",
        description="Notes never conflict, so no `version` is needed; the claim's version still goes up.",
        request=AnnotationInputSerializer,
        responses={201: AnnotationSerializer, **error_responses(*BODY_ERRORS, 403, 404)},
    ),
    destroy=extend_schema(
        summary="Remove one of your own notes",
        description="Only the author may; the claim's history keeps the text.",
        responses={204: None, **error_responses(403, 404)},
    ),
)
class AnnotationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    ClaimChildViewSet,
):
    queryset = Annotation.objects.all()
    serializer_class = AnnotationSerializer

    def get_queryset(self):
        if self.is_schema_only():
            return Annotation.objects.none()
        return self.claim.annotations.select_related("author").order_by("created_at", "id")

    def create(self, request, *args, **kwargs):
        claim = self.claim
        serializer = AnnotationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        annotation = workflow.annotate(claim, editor=request.user, **serializer.validated_data)
        location = request.build_absolute_uri(f"{request.path.rstrip('/')}/{annotation.pk}/")
        return Response(
            AnnotationSerializer(annotation).data, status=status.HTTP_201_CREATED, headers={"Location": location}
        )

    def destroy(self, request, *args, **kwargs):
        annotation = self.get_object()
        if annotation.author_id != request.user.pk:
            raise PermissionDenied("Only the author can remove a note.")
        workflow.remove_annotation(annotation, editor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(parameters=[CLAIM_ID])
@extend_schema_view(
    list=extend_schema(
        summary="Links from and to a claim",
        description=(
            "Suggested, confirmed and rejected links, best score first; `other` is the claim at the far end. "
            "`?state=suggested` lists the suggestions left to review."
        ),
        parameters=[LINK_STATE],
        responses={200: LinkSerializer(many=True), **error_responses(400, 403, 404)},
    ),
    retrieve=extend_schema(summary="One link of a claim", responses={200: LinkSerializer, **error_responses(403, 404)}),
    create=extend_schema(
        summary="Link a claim to another (same fact, contradicts, updates, supports)",
        description="An existing link of that relation between the two is set to the state sent and returned.",
        request=LinkInputSerializer,
        responses={201: LinkSerializer, **error_responses(*BODY_ERRORS, 403, 404)},
    ),
    partial_update=extend_schema(
        summary="Confirm or reject a link",
        description=(
            "A rejected link stays, so it is never suggested again. Send `seen_state`, the state you decided "
            "on: 409 `stale_link` if another decision landed since, and nothing changes."
        ),
        request=LinkStateSerializer,
        responses={200: LinkSerializer, **error_responses(*BODY_ERRORS, 403, 404, 409)},
    ),
    destroy=extend_schema(
        summary="Remove a link",
        description="Both claims record the removal.",
        responses={204: None, **error_responses(403, 404)},
    ),
)
class LinkViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    ClaimChildViewSet,
):
    queryset = ClaimLink.objects.all()
    serializer_class = LinkSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        if self.is_schema_only():
            return ClaimLink.objects.none()
        claim = self.claim
        links = ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
        state = self.request.query_params.get("state", "") if self.action == "list" else ""
        if state:
            if state not in ClaimLink.State.values:
                raise ValidationError({"state": [f"One of: {', '.join(ClaimLink.State.values)}."]})
            links = links.filter(state=state)
        return links.select_related("from_claim", "to_claim", "created_by").order_by("-score", "-id")

    def get_serializer_context(self):
        return super().get_serializer_context() | {"claim_id": int(self.kwargs.get("claim_id", 0))}

    def _link_response(self, pk: int, status_code: int = status.HTTP_200_OK) -> Response:
        data = self.get_serializer(self.get_queryset().get(pk=pk)).data
        headers = {}
        if status_code == status.HTTP_201_CREATED:
            headers["Location"] = self.request.build_absolute_uri(f"{self.request.path.rstrip('/')}/{pk}/")
        return Response(data, status=status_code, headers=headers)

    def create(self, request, *args, **kwargs):
        claim = self.claim
        serializer = LinkInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        claim_link = workflow.link(
            claim, data["other"], relation=data["relation"], state=data["state"], editor=request.user
        )
        return self._link_response(claim_link.pk, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        claim_link = self.get_object()
        serializer = LinkStateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        workflow.set_link_state(claim_link, state=data["state"], editor=request.user, seen_state=data["seen_state"])
        return self._link_response(claim_link.pk)

    def destroy(self, request, *args, **kwargs):
        workflow.unlink(self.get_object(), editor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(parameters=[CLAIM_ID])
@extend_schema_view(
    list=extend_schema(
        summary="A claim's history: every change, who made it and when, newest first",
        responses={200: EventSerializer(many=True), **error_responses(403, 404)},
    ),
)
class EventViewSet(mixins.ListModelMixin, ClaimChildViewSet):
    queryset = ClaimEvent.objects.all()
    serializer_class = EventSerializer

    def get_queryset(self):
        if self.is_schema_only():
            return ClaimEvent.objects.none()
        return self.claim.events.select_related("actor").order_by("-at", "-id")


# What the schema states beyond the serializers (factdesk.api.schema.postprocess applies it).
schema.register_error_codes(
    {
        "claims_partial_update": {400: ["invalid_edit"], 409: ["stale"]},
        "claims_transition_create": {400: ["note_required", "invalid_reason"], 409: ["stale", "invalid_transition"]},
        "claims_group_transition_create": {
            400: ["note_required", "invalid_reason"],
            409: ["stale", "invalid_transition", "group_changed"],
        },
        "claims_claimreview_retrieve": {404: ["no_verdict"]},
        "claims_annotations_create": {400: ["refused"]},
        "claims_annotations_destroy": {403: ["permission_denied"]},
        "claims_links_create": {400: ["invalid_link"]},
        "claims_links_partial_update": {400: ["invalid_link"], 409: ["stale_link"]},
    }
)
# `version` is what the server checks; If-Match may stand in for it, but a client always has it to send.
schema.register_component_extras(
    {
        "ClaimEditRequest": {"required": ["version"], "minProperties": 2},
        "TransitionRequest": {"required": ["version"]},
        "GroupTransitionRequest": {"minProperties": 2},
    }
)
_CLAIM_ID = {"id": "$response.body#/id"}
schema.register_links(
    {
        "claims_retrieve": {
            "200": {
                "Transition": {"operationId": "claims_transition_create", "parameters": _CLAIM_ID,
                               "description": "Change its status, sending `version` from this answer"},
                "Correct": {"operationId": "claims_partial_update", "parameters": _CLAIM_ID},
                "History": {"operationId": "claims_events_list", "parameters": {"claim_id": "$response.body#/id"}},
                "Notes": {"operationId": "claims_annotations_list", "parameters": {"claim_id": "$response.body#/id"}},
                "Links": {"operationId": "claims_links_list", "parameters": {"claim_id": "$response.body#/id"}},
                "Group": {"operationId": "claims_group_list", "parameters": _CLAIM_ID},
                "ClaimReview": {"operationId": "claims_claimreview_retrieve", "parameters": _CLAIM_ID},
            }
        },
        "claims_transition_create": {
            "200": {"ClaimReview": {"operationId": "claims_claimreview_retrieve", "parameters": _CLAIM_ID}}
        },
        "claims_group_transition_create": {},
    }
)  # fmt: skip

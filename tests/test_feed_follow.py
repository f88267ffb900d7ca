"""A tool that follows the change feed from the start sees every change exactly once (issue 15 item 1).

Random changes go through every face of the desk: the review pages, the admin, the REST API and
re-extraction of corrected articles (the real extractor, suggestions included). Meanwhile a follower
reads /api/v1/events/ in small pages from its cursor; at the end its replay must match the database.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict

import pytest
from django.test import Client

from articles.ingest import update_article
from articles.models import Article
from claims import sync, tasks, workflow
from claims.linking import suggest
from claims.models import Annotation, Claim, ClaimEvent, ClaimLink, DismissReason, Status

from . import factories

BODIES = [
    "Some 2,000 people are waiting at the Bruzgi border crossing into Poland.\n"
    "More than 8,000 people have tried to enter the bloc via the Belarusian border in 2021.\n"
    "The ministry said 350 soldiers were sent to the border.",
    "About 2,000 migrants are camped at Bruzgi, near the Polish border.\n"
    "Poland has deployed 15,000 troops along the frontier.\n"
    "At least 11 people have died at the border since the summer.",
    "Officials counted 8,000 attempts to cross into the EU this year.\n"
    "Nearly 2,000 people spent the night at the Bruzgi crossing.\n"
    "The camp holds 600 children, aid workers said.",
]
EXTRA = [
    "A further 500 people arrived on Tuesday.",
    "Lithuania reported 4,000 crossings in 2021.",
    "The EU offered 700,000 euros in aid.",
]


class Follower:
    """Reads the feed as a tool would: from its cursor, a few events a page, remembering what it saw."""

    def __init__(self, client):
        self.client, self.cursor, self.seen = client, 0, []

    def catch_up(self, limit: int) -> None:
        while True:
            body = self.client.get("/api/v1/events/", {"after": self.cursor, "limit": limit}).json()
            self.seen.extend(body["results"])
            self.cursor = body["cursor"]
            if not body["more"]:
                return


class Desk:
    """The random changes, each through one face."""

    def __init__(self, rng, api, page, admin, editors, articles):
        self.rng, self.api, self.page, self.admin = rng, api, page, admin
        self.editors, self.articles = editors, articles
        self.faces = Counter()  # changes that went through, per face

    def count(self, face: str, response) -> None:
        """A change that went through: a page or the admin redirects after it, the API answers 2xx."""
        if response.status_code == 302 or (face == "api" and 200 <= response.status_code < 300):
            self.faces[face] += 1

    def claim(self) -> Claim | None:
        ids = list(Claim.objects.values_list("pk", flat=True))
        return Claim.objects.get(pk=self.rng.choice(ids)) if ids else None

    def step(self) -> None:
        action = self.rng.choice(
            [self.page_status, self.page_note, self.page_assign, self.admin_edit, self.admin_dismiss,
             self.admin_link, self.api_status, self.api_edit, self.api_note, self.api_unnote, self.api_link,
             self.api_decide, self.api_unlink, self.reextract, self.suggest]
        )  # fmt: skip
        action()

    def _status(self, claim: Claim) -> tuple[str, dict]:
        to = self.rng.choice(workflow.allowed_transitions(claim))
        data = {"to": to, "version": claim.version, "note": "Checked against UNHCR."}
        if to == Status.DISMISSED:
            data["reason"] = self.rng.choice(DismissReason.values)
        return to, data

    def page_status(self):
        if claim := self.claim():
            _, data = self._status(claim)
            self.count("page", self.page.post(f"/claims/{claim.pk}/status/", data))

    def page_note(self):
        if claim := self.claim():
            self.count(
                "page", self.page.post(f"/claims/{claim.pk}/notes/", {"text": "Seen on the page.", "evidence_url": ""})
            )

    def page_assign(self):
        if claim := self.claim():
            who = self.rng.choice(self.editors)
            self.count(
                "page", self.page.post(f"/claims/{claim.pk}/assign/", {"assignee": who.pk, "version": claim.version})
            )

    def admin_edit(self):
        if claim := self.claim():
            form = self.admin.get(f"/admin/claims/claim/{claim.pk}/change/").context["adminform"].form
            data = {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}
            data |= {"unit": self.rng.choice(["people", "migrants", "persons"]), "version": claim.version}
            data["places"] = ", ".join(claim.places) if isinstance(data["places"], list) else data["places"]
            for prefix in ("annotations", "links_from", "links_to", "events"):
                data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
            self.count("admin", self.admin.post(f"/admin/claims/claim/{claim.pk}/change/", data))

    def admin_dismiss(self):
        if claim := self.claim():
            data = {"action": "dismiss_background", "_selected_action": [claim.pk]}
            self.count("admin", self.admin.post("/admin/claims/claim/", data))

    def admin_link(self):
        a, b = self.claim(), self.claim()
        if a and b and a.pk != b.pk:
            relation = self.rng.choice(["same", "contradicts", "supports"])
            data = {"from_claim": a.pk, "to_claim": b.pk, "relation": relation, "state": "confirmed", "seen_state": ""}
            self.count("admin", self.admin.post("/admin/claims/claimlink/add/", data))

    def api_status(self):
        if claim := self.claim():
            _, data = self._status(claim)
            self.count("api", self.api.post(f"/api/v1/claims/{claim.pk}/transition/", data))

    def api_edit(self):
        if claim := self.claim():
            self.count(
                "api",
                self.api.patch(
                    f"/api/v1/claims/{claim.pk}/", {"label": f"label {self.rng.random():.4f}", "version": claim.version}
                ),
            )

    def api_note(self):
        if claim := self.claim():
            self.count("api", self.api.post(f"/api/v1/claims/{claim.pk}/annotations/", {"text": "From the tool."}))

    def api_unnote(self):
        note = Annotation.objects.order_by("?").first()
        if note is not None:
            self.count("api", self.api.delete(f"/api/v1/claims/{note.claim_id}/annotations/{note.pk}/"))

    def api_link(self):
        a, b = self.claim(), self.claim()
        if a and b and a.pk != b.pk:
            relation = self.rng.choice(["same", "contradicts", "updates"])
            self.count("api", self.api.post(f"/api/v1/claims/{a.pk}/links/", {"other": b.pk, "relation": relation}))

    def api_decide(self):
        link = ClaimLink.objects.order_by("?").first()
        if link is not None:
            state = self.rng.choice(["confirmed", "rejected"])
            self.count(
                "api",
                self.api.patch(
                    f"/api/v1/claims/{link.from_claim_id}/links/{link.pk}/", {"state": state, "seen_state": link.state}
                ),
            )

    def api_unlink(self):
        link = ClaimLink.objects.order_by("?").first()
        if link is not None:
            self.count("api", self.api.delete(f"/api/v1/claims/{link.to_claim_id}/links/{link.pk}/"))

    def reextract(self):
        article = self.rng.choice(self.articles)
        lines = BODIES[self.articles.index(article)].split("\n")
        kept = [line for line in lines if self.rng.random() > 0.3] or lines[:1]
        body = "\n".join(kept + self.rng.sample(EXTRA, self.rng.randint(0, 2)))
        # A corrected text through the correction service, then its task: re-extraction keeping editors' work.
        changed = update_article(Article.objects.get(pk=article.pk), changes={"body": body})
        tasks.article_changed(article.pk, changed, None)
        self.faces["extraction"] += 1

    def suggest(self):
        suggest.suggest_for_article(self.rng.choice(self.articles).pk)
        self.faces["extraction"] += 1


def replay_matches_the_database(seen: list[dict]) -> None:
    positions = [event["id"] for event in seen]
    assert positions == sorted(set(positions)), "each event once, in feed order"
    history = [event["history_id"] for event in seen if event["history_id"] is not None]
    assert len(history) == len(set(history)), "no claim event twice"
    # Every claim event the database holds was seen (a deleted claim's history went with it; its feed entries stay).
    assert set(ClaimEvent.objects.values_list("pk", flat=True)) <= set(history)
    by_claim = defaultdict(list)
    for event in seen:
        if event["claim"] is not None:
            by_claim[event["claim"]].append(event)
    live = {claim.pk: claim for claim in Claim.objects.prefetch_related("annotations")}
    for claim_id, events in by_claim.items():
        assert events[0]["type"] == "claim.created"
        if claim_id not in live:
            assert [e["type"] for e in events].count("claim.deleted") == 1 and events[-1]["type"] == "claim.deleted"
            continue
        claim = live[claim_id]
        versions = {e["version"] for e in events if e["type"] != "claim.deleted"}
        assert versions == set(range(1, claim.version + 1)), f"claim {claim_id}: a version bump with no event"
        statuses = [e["after"]["status"] for e in events if e["type"] == "claim.status"]
        assert (statuses or ["new"])[-1] == claim.status
        notes = sum(e["type"] == "claim.note_added" for e in events) - sum(
            e["type"] == "claim.note_removed" for e in events
        )
        assert notes == len(claim.annotations.all())
    assert set(live) <= set(by_claim), "every claim in the database was announced"
    links = defaultdict(set)
    for event in seen:
        if event["type"] == "claim.linked":
            links[event["claim"]].add(event["after"]["link"])
        elif event["type"] == "claim.unlinked" and event["claim"] in live:
            links[event["claim"]].discard(event["after"]["link"])
    for claim_id in live:
        stored = set(ClaimLink.objects.filter(from_claim_id=claim_id).values_list("pk", flat=True)) | set(
            ClaimLink.objects.filter(to_claim_id=claim_id).values_list("pk", flat=True)
        )
        assert links[claim_id] == stored, f"claim {claim_id}: links replayed from the feed differ"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_follower_of_the_feed_sees_every_change_of_every_face_exactly_once(seed, api_as, alice, bob, staff):
    rng = random.Random(seed)
    articles = [factories.make_article(body=body) for body in BODIES]
    for article in articles:
        sync.extract_article_claims(article.pk)
    page, admin = Client(), Client()
    page.force_login(bob)
    admin.force_login(staff)
    desk = Desk(rng, api_as(alice), page, admin, [alice, bob], articles)
    follower = Follower(api_as(alice))
    for _ in range(80):
        desk.step()
        if rng.random() < 0.3:
            follower.catch_up(limit=rng.randint(1, 9))
    follower.catch_up(limit=50)
    # Every face made changes that went through (refusals, such as stale versions, are not counted).
    assert set(desk.faces) == {"page", "admin", "api", "extraction"}, desk.faces
    types = Counter(event["type"] for event in follower.seen)
    assert types["claim.created"] and types["claim.status"] and types["claim.linked"]
    replay_matches_the_database(follower.seen)

"""The README's flow, run by a tool built on the client generated from /api/schema/ (openapi-python-client).

Run by tests/test_generated_client.py against a live server: python client_flow.py BASE_URL TOKEN.
Every answer is parsed into the generated types; any mismatch with the schema fails here.
"""

from __future__ import annotations

import sys
import uuid

from factdesk_client import AuthenticatedClient
from factdesk_client.api.articles import articles_create, articles_list
from factdesk_client.api.claims import (
    claims_annotations_create,
    claims_claimreview_retrieve,
    claims_list,
    claims_partial_update,
    claims_retrieve,
    claims_transition_create,
)
from factdesk_client.api.events import events_list
from factdesk_client.models import (
    AnnotationInputRequest,
    Article,
    ArticleInputRequest,
    Claim,
    ClaimEditRequest,
    PaginatedClaimList,
    TransitionRequest,
)
from factdesk_client.models.claim_status_enum import ClaimStatusEnum
from factdesk_client.models.claims_list_status_item import ClaimsListStatusItem

BODY = "Some 2,000 people are waiting at Belarus' Bruzgi border crossing into Poland, officials said on Tuesday."


def expect(response, status: int, kind: type):
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert isinstance(response.parsed, kind), type(response.parsed)
    return response.parsed


def main(base_url: str, token: str) -> None:
    client = AuthenticatedClient(base_url=base_url, token=token, prefix="Token")
    item = ArticleInputRequest(
        title="Migrants wait at the Belarus-Poland border",
        body=BODY,
        url="https://www.aa.com.tr/en/europe/border-crisis/2021?utm_source=client",
        published="2021-11-21",
    )
    key = str(uuid.uuid4())
    article = expect(articles_create.sync_detailed(client=client, body=item, idempotency_key=key), 201, Article)
    again = articles_create.sync_detailed(client=client, body=item, idempotency_key=key)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert article.extraction_status.value == "done", article.extraction_status
    found = articles_list.sync_detailed(client=client, url_query="https://aa.com.tr/en/europe/border-crisis/2021/")
    assert [a.id for a in found.parsed.results] == [article.id]

    new = [ClaimsListStatusItem.NEW]
    page = expect(claims_list.sync_detailed(client=client, article=article.id, status=new), 200, PaginatedClaimList)
    assert page.results, "the article has claims"
    claim_id = str(page.results[0].id)
    got = claims_retrieve.sync_detailed(claim_id, client=client)
    claim = expect(got, 200, Claim)
    assert got.headers["ETag"] == f'"{claim.version}"' and "RateLimit-Remaining" in got.headers

    step = TransitionRequest(to=ClaimStatusEnum.IN_REVIEW, version=claim.version)
    claim = expect(claims_transition_create.sync_detailed(claim_id, client=client, body=step), 200, Claim)
    stale = claims_transition_create.sync_detailed(claim_id, client=client, body=step)
    assert stale.status_code == 409 and stale.parsed.code.value in ("stale", "invalid_transition")
    note = AnnotationInputRequest(text="UNHCR counts 1,900.", evidence_url="https://www.unhcr.org/")
    created = claims_annotations_create.sync_detailed(claim_id, client=client, body=note)
    assert created.status_code == 201 and created.headers["Location"].endswith(f"/{created.parsed.id}/")
    claim = expect(claims_retrieve.sync_detailed(claim_id, client=client), 200, Claim)
    verdict = TransitionRequest(to=ClaimStatusEnum.VERIFIED, version=claim.version, note="Matches UNHCR figures.")
    claim = expect(claims_transition_create.sync_detailed(claim_id, client=client, body=verdict), 200, Claim)
    publish = ClaimEditRequest(
        version=claim.version,
        factcheck_url="https://desk.example.org/checks/bruzgi",
        claim_reviewed="2,000 people wait at Bruzgi",
    )
    claim = expect(claims_partial_update.sync_detailed(claim_id, client=client, body=publish), 200, Claim)
    review = claims_claimreview_retrieve.sync_detailed(claim_id, client=client)
    assert review.status_code == 200 and review.headers["Content-Type"] == "application/ld+json"
    assert review.parsed.url == "https://desk.example.org/checks/bruzgi"

    feed = events_list.sync_detailed(client=client, claim=int(claim_id))
    assert feed.status_code == 200, feed.content
    types = [event.type_.value for event in feed.parsed.results]
    assert types[0] == "claim.created" and types.count("claim.status") == 2 and "claim.note_added" in types
    assert feed.parsed.results[-1].version == claim.version
    print("flow ok:", article.id, claim_id, len(types), "events")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

"""ClaimReview ready to publish (issue 15 item 8): Google's properties, a JSON-LD processor, editors' fields."""

from __future__ import annotations

import datetime

import pytest
from pyld import jsonld

from claims import workflow

from . import factories

# Google's fact-check (ClaimReview) structured data: what it requires and what it recommends.
REQUIRED = {"claimReviewed", "reviewRating", "url"}
RECOMMENDED = {"author", "datePublished", "itemReviewed"}
RATING_REQUIRED = {"alternateName"}
NUMERIC_RATING = {"ratingValue", "bestRating", "worstRating"}
CLAIM_RECOMMENDED = {"author", "datePublished", "appearance", "firstAppearance"}

# schema.org's context, served locally: the test never goes to the network.
LOCAL_CONTEXT = {
    "@context": {"@vocab": "https://schema.org/", "url": {"@id": "https://schema.org/url", "@type": "@id"}}
}


def local_loader(url, options=None):
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}


def review_of(client, claim):
    response = client.get(f"/api/v1/claims/{claim.pk}/claimreview/")
    assert response.status_code == 200 and response["Content-Type"] == "application/ld+json"
    return response.json()


@pytest.fixture
def published(api_as, alice, claim):
    """A false claim that first appeared in an older article (its fact group), with the desk's fields set."""
    older = factories.make_claim(
        factories.make_article(published=datetime.date(2021, 11, 19), title="Crowds gather at Bruzgi"),
        quote="Some 2,000",
    )
    workflow.link(claim, older, relation="same", editor=alice)
    claim.refresh_from_db()
    workflow.edit_fields(claim, changes={"attribution": "Belarusian border guard"}, editor=alice, version=claim.version)
    workflow.transition(claim, to="false", editor=alice, version=claim.version, note="UNHCR counted 800 that day.")
    response = api_as(alice).patch(
        f"/api/v1/claims/{claim.pk}/",
        {
            "factcheck_url": "https://desk.example.org/checks/bruzgi-2000",
            "claim_reviewed": "2,000 migrants wait at the Bruzgi crossing",
            "version": claim.version,
        },
    )
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    return claim, older


def test_the_review_has_every_property_google_requires_and_recommends(api_as, vera, published):
    claim, older = published
    review = review_of(api_as(vera), claim)
    assert REQUIRED | RECOMMENDED <= set(review)
    rating = review["reviewRating"]
    assert RATING_REQUIRED <= set(rating) and NUMERIC_RATING <= set(rating) and rating["name"] == "False"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert rating["ratingExplanation"] == "UNHCR counted 800 that day."
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and CLAIM_RECOMMENDED <= set(item)
    assert len(review["claimReviewed"]) <= 75


def test_the_review_points_at_the_published_fact_check_and_names_who_made_the_claim(api_as, vera, published):
    claim, older = published
    review = review_of(api_as(vera), claim)
    assert review["url"] == "https://desk.example.org/checks/bruzgi-2000"
    assert review["claimReviewed"] == "2,000 migrants wait at the Bruzgi crossing"
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Belarusian border guard"}
    assert [a["url"] for a in item["appearance"]] == [older.article.url, claim.article.url]
    assert item["firstAppearance"]["url"] == older.article.url and item["datePublished"] == "2021-11-19"


def test_a_json_ld_processor_reads_every_term_against_a_local_schema_org_context(api_as, vera, published):
    claim, _ = published
    review = review_of(api_as(vera), claim)
    expanded = jsonld.expand(review, {"documentLoader": local_loader})
    (node,) = expanded
    assert node["@type"] == ["https://schema.org/ClaimReview"]
    assert node["https://schema.org/url"] == [{"@id": "https://desk.example.org/checks/bruzgi-2000"}]
    item = node["https://schema.org/itemReviewed"][0]
    assert item["https://schema.org/author"][0]["@type"] == ["https://schema.org/Organization"]
    quads = jsonld.to_rdf(review, {"documentLoader": local_loader, "format": "application/n-quads"})
    assert '<https://schema.org/ratingValue> "1"' in quads and "schema.org/firstAppearance" in quads


def test_a_person_is_the_author_of_a_quote_attributed_to_a_person(api_as, vera, alice, claim):
    workflow.edit_fields(claim, changes={"attribution": "Alexander Lukashenko"}, editor=alice, version=claim.version)
    workflow.transition(claim, to="verified", editor=alice, version=claim.version)
    item = review_of(api_as(vera), claim)["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Alexander Lukashenko"}


def test_a_month_dated_article_appears_with_its_month(api_as, vera, alice):
    article = factories.make_article(published=datetime.date(2024, 12, 1), published_precision="month")
    claim = factories.make_claim(article)
    workflow.transition(claim, to="verified", editor=alice, version=claim.version)
    item = review_of(api_as(vera), claim)["itemReviewed"]
    assert item["datePublished"] == "2024-12" and item["firstAppearance"]["datePublished"] == "2024-12"


def test_editing_the_publication_fields_is_an_event_and_leaves_corrections_alone(api_as, alice, published):
    claim, _ = published
    event = claim.events.filter(kind="edit").order_by("-id").first()
    assert set(event.after) == {"factcheck_url", "claim_reviewed"} and claim.edited_by_editor == ["attribution"]


def test_a_bad_fact_check_url_is_refused(api_as, alice, claim):
    response = api_as(alice).patch(f"/api/v1/claims/{claim.pk}/", {"factcheck_url": "not a url", "version": 1})
    assert response.status_code == 400 and "factcheck_url" in response.json()["fields"]

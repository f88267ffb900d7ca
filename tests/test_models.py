"""What the database itself guarantees."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article
from claims.models import AppendOnlyError, Claim, ClaimEvent, ClaimLink

from . import factories


def _refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_article_url_is_unique_when_present_and_many_may_have_none(db):
    factories.make_article(url="https://ria.ru/a")
    _refused(lambda: factories.make_article(url="https://ria.ru/a"))
    factories.make_article(url="")
    factories.make_article(url="")
    assert Article.objects.filter(url="").count() == 2


def test_article_content_hash_is_unique(article):
    _refused(lambda: Article.objects.create(title="copy", body=article.body, content_hash=article.content_hash))


def test_article_extraction_status_must_be_known(article):
    _refused(lambda: Article.objects.filter(pk=article.pk).update(extraction_status="lost"))


def test_claim_fingerprint_is_unique_per_article(claim):
    _refused(lambda: factories.make_claim(claim.article, fingerprint=claim.fingerprint))


@pytest.mark.parametrize(
    "change",
    [
        {"value_low": Decimal(5), "value_high": Decimal(1)},
        {"score": 1.5},
        {"status": "maybe"},
        {"qualifier": "roughly"},
        {"kind": "vibes"},
        {"version": 0},
        {"quote_end": 0, "quote_start": 0},
    ],
)
def test_claim_constraints_refuse_impossible_values(claim, change):
    _refused(lambda: Claim.objects.filter(pk=claim.pk).update(**change))


def test_a_claim_cannot_link_to_itself(claim):
    _refused(lambda: ClaimLink.objects.create(from_claim=claim, to_claim=claim, relation="same"))


def test_claim_events_are_append_only(claim, alice):
    event = ClaimEvent.objects.create(claim=claim, actor=alice, kind="status", after={"status": "in_review"})
    event.after = {"status": "verified"}
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert ClaimEvent.objects.get().after == {"status": "in_review"}


def test_str_of_every_model_reads_well(claim, alice):
    link = ClaimLink.objects.create(
        from_claim=claim, to_claim=factories.make_claim(claim.article, quote="More than 8,000"), relation="same"
    )
    event = ClaimEvent.objects.create(claim=claim, actor=alice, kind="status")
    assert str(claim.article.outlet) == "Anadolu Agency"
    assert str(claim.article).startswith("Putin and Macron")
    assert str(claim) == "Some 2,000 people · Bruzgi"
    assert str(link) == f"{claim.pk} same {link.to_claim_id} (suggested)"
    assert str(event) == f"status change on claim {claim.pk} by alice"

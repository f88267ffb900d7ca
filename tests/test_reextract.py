"""Re-extraction: batches through the pipeline, keeps editors' work, reports failures."""

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from claims import extraction, workflow
from claims.models import Claim

from . import factories
from .test_tasks import use_extractor


@pytest.fixture
def fake_extractor(monkeypatch):
    """Finds 'Some 2,000' wherever it stands; counts the batches it was given."""
    batches = []

    def extract(text, published=None):
        return [factories.make_draft(text, "Some 2,000")] if "Some 2,000" in text else []

    def extract_many(items):
        items = list(items)
        batches.append(len(items))
        return [extract(text, published) for text, published in items]

    monkeypatch.setattr(extraction, "extract", extract)
    monkeypatch.setattr(extraction, "extract_many", extract_many)
    return batches


def test_reextract_all_keeps_the_verdict_an_editor_gave(db, alice, fake_extractor, capsys):
    first, second = factories.make_article(), factories.make_article()
    call_command("reextract", "--all")
    claim = Claim.objects.get(article=first)
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    call_command("reextract", "--all")
    assert "2 article(s) extracted, 0 failed" in capsys.readouterr().out
    claim.refresh_from_db()
    assert claim.status == "in_review" and Claim.objects.count() == 2
    assert fake_extractor == [2, 2]  # one pass through the pipeline for both articles, each time
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {"done"}
    assert second.claims.count() == 1


def test_reextract_outdated_takes_only_articles_of_another_version(db, fake_extractor):
    factories.make_article()
    old = factories.make_article()
    call_command("reextract", "--all")
    Article.objects.filter(pk=old.pk).update(extractor_version="0.0.1")
    call_command("reextract", "--outdated")
    assert fake_extractor == [2, 1]


def test_reextract_by_id_refuses_unknown_ids(db, fake_extractor):
    article = factories.make_article()
    with pytest.raises(CommandError, match="no such article: 999999"):
        call_command("reextract", str(article.pk), "999999")
    assert fake_extractor == []


def test_reextract_reports_failed_articles(db, monkeypatch):
    factories.make_article()

    def broken(text, published=None):
        raise RuntimeError("boom")

    use_extractor(monkeypatch, broken)
    with pytest.raises(CommandError, match="1 article"):
        call_command("reextract", "--all")
    assert Article.objects.get().extraction_error == "RuntimeError: boom"


def test_ingest_command_schedules_each_article_as_it_is_saved(
    db, tmp_path, fake_extractor, django_capture_on_commit_callbacks
):
    # One extraction per article, sent when its transaction commits: a run stopped half-way (a crash, a bad
    # file, the broker gone) leaves no saved article unscheduled.
    for n in range(20):
        (tmp_path / f"{n:02}.txt").write_text(f"Headline {n}\nSome 2,000 people waited, report {n} says.")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(tmp_path))
    assert fake_extractor == [1] * 20
    assert Claim.objects.count() == 20


def test_re_extraction_after_the_upgrade_keeps_every_editors_work_and_says_what_changed(db, alice):
    """Extractor 1.3.0 (issue 12) and later write labels with the period in words and keeps the score's parts.
    Articles extracted by 1.2.2 are re-extracted with `reextract --outdated`: the claims keep their
    ids, status, corrected fields, notes and verdicts; only what no editor touched takes the new
    extraction, and each change is an `extract` event naming the fields before and after."""
    assert extraction.EXTRACTOR_VERSION not in ("1.2.2", "1.2.1")
    body = (
        "Some 2,000 people are waiting at the Bruzgi border crossing, officials said on Tuesday.\n"
        "In January, 150 migrants crossed into Lithuania, up from 40 a year earlier."
    )
    article = factories.make_article(body=body)
    call_command("reextract", str(article.pk))
    waiting, crossed = Claim.objects.filter(article=article, quote__in=["Some 2,000", "150"]).order_by("quote_start")
    ids = set(Claim.objects.filter(article=article).values_list("pk", flat=True))
    assert crossed.label == "150 migrants · Jan 2021 · Lithuania" and crossed.score_parts
    # As extractor 1.2.2 left them: relative words in labels, no score parts.
    old = {waiting.pk: "Some 2,000 people · on Tuesday · Bruzgi", crossed.pk: "150 migrants · In January · Lithuania"}
    for claim in (waiting, crossed):
        extracted = claim.extracted | {"label": old[claim.pk]}
        Claim.objects.filter(pk=claim.pk).update(
            label=old[claim.pk], extracted=extracted, score_parts=[], extractor_version="1.2.2"
        )
    Article.objects.filter(pk=article.pk).update(extractor_version="1.2.2")
    # An editor's work on the first claim: a status, a corrected unit and label, a note, a verdict note.
    waiting.refresh_from_db()
    workflow.transition(waiting, to="in_review", editor=alice, version=waiting.version)
    waiting.refresh_from_db()
    workflow.edit_fields(
        waiting, changes={"unit": "migrant", "label": "2,000 migrants at Bruzgi"}, editor=alice, version=waiting.version
    )
    waiting.refresh_from_db()
    note = workflow.annotate(waiting, text="Border guards' figure; check with UNHCR.", editor=alice)
    kept_version = waiting.version

    call_command("reextract", "--outdated")

    waiting.refresh_from_db()
    crossed.refresh_from_db()
    assert set(Claim.objects.filter(article=article).values_list("pk", flat=True)) == ids  # none new, none lost
    assert (waiting.status, waiting.unit, waiting.label) == ("in_review", "migrant", "2,000 migrants at Bruzgi")
    assert waiting.annotations.get() == note
    # The proposal moves (the editor's label stays): "on Tuesday" in a paper of Sunday 21 Nov 2021.
    assert waiting.extracted["label"].startswith("Some 2,000 people · 16 Nov 2021")
    assert waiting.version > kept_version and waiting.score_parts
    assert crossed.label == "150 migrants · Jan 2021 · Lithuania" and crossed.score_parts
    change = crossed.events.filter(kind="extract").order_by("-id").first()
    assert change.actor is None
    assert (change.before["label"], change.after["label"]) == (old[crossed.pk], crossed.label)
    editor_side = waiting.events.filter(kind="extract").order_by("-id").first()
    assert editor_side.after["proposed"]["label"] == waiting.extracted["label"]  # the proposal's move, on record
    article.refresh_from_db()
    assert article.extractor_version == extraction.EXTRACTOR_VERSION
    assert set(Claim.objects.filter(article=article).values_list("extractor_version", flat=True)) == {
        extraction.EXTRACTOR_VERSION
    }

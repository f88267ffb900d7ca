"""The article lifecycle never gets stuck: values the table refuses are corrected or dropped, one bad article
fails alone, a task out of attempts is a dead letter, the broker being down leaves articles pending for the
sweeper, and the desk shows what needs a look with a retry button for editors.

Fast tests with the broker replaced; tests/test_faults.py does the same with real services."""

import dataclasses
import datetime as dt
import logging
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from articles.models import Article
from claims import drafts, lifecycle, sync, tasks
from claims.models import Claim
from factdesk import celery as factdesk_celery

from . import factories
from .test_tasks import use_extractor

RUNNING, PENDING, DONE, FAILED = "running", "pending", "done", "failed"


@pytest.fixture
def broker_down(monkeypatch):
    """Every send fails as kombu fails when Redis refuses the connection."""

    class Refused:
        def delay(self):
            raise OperationalError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

    monkeypatch.setattr(factdesk_celery.app, "signature", lambda *args, **kwargs: Refused())


def _old(article, minutes=120, **fields):
    Article.objects.filter(pk=article.pk).update(
        extraction_status_at=timezone.now() - dt.timedelta(minutes=minutes), **fields
    )


# Values checked against the model's rules before insert


def test_a_since_date_after_publication_is_read_a_year_earlier_with_a_log_line(db, caplog):
    article = factories.make_article(
        body="Since December 25, more than 300 people have crossed the border, police said.",
        published=dt.date(2024, 12, 20),
    )
    caplog.set_level(logging.WARNING, logger="claims.drafts")
    tasks.extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == DONE
    claim = Claim.objects.get(article=article)
    assert (claim.period_start, claim.period_end) == (dt.date(2023, 12, 25), dt.date(2024, 12, 20))
    assert any(f"article={article.pk}" in line and "inverted" in line for line in caplog.messages)


def test_an_inverted_period_with_its_year_written_is_dropped_and_the_claim_kept(db, caplog):
    text = "Some 2,000 people waited in 2019."
    draft = factories.make_draft(
        text, "Some 2,000", time_text="in 2019", period_start=dt.date(2019, 1, 1), period_end=dt.date(1, 1, 1)
    )
    caplog.set_level(logging.WARNING, logger="claims.drafts")
    [checked] = drafts.admissible(7, [draft])
    assert (checked.period_start, checked.period_end, checked.time_text) == (None, None, "in 2019")
    assert "article=7" in caplog.text and "inverted: dropped" in caplog.text


def test_a_number_of_ten_to_the_twentieth_or_more_is_dropped_with_a_log_line(db, caplog):
    article = factories.make_article(
        body="The fund holds 500,000,000,000,000,000,000 dollars, the ministry said. Some 2,000 people waited."
    )
    caplog.set_level(logging.WARNING, logger="claims.drafts")
    tasks.extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == DONE
    assert list(Claim.objects.filter(article=article).values_list("value", flat=True)) == [Decimal(2000)]
    assert "out of range" in caplog.text and f"article={article.pk}" in caplog.text


def test_other_rules_are_kept_by_correcting_the_draft():
    text = "Some 2,000 people waited."
    draft = factories.make_draft(text, "Some 2,000", value_low=Decimal(3000), value_high=Decimal(1000), score=1.5,
                                 unit="u" * 100, places=("Bruzgi", 5, ""))  # fmt: skip
    [checked] = drafts.admissible(1, [draft])
    assert (checked.value_low, checked.value_high, checked.score) == (Decimal(1000), Decimal(3000), 1.0)
    assert len(checked.unit) == 64 and checked.places == ("Bruzgi",)
    assert drafts.admissible(1, [dataclasses.replace(draft, qualifier="nonsense")]) == []


# One article fails alone


def test_an_error_storing_one_article_fails_it_with_its_error_and_the_batch_goes_on(db, monkeypatch):
    articles = [factories.make_article() for _ in range(3)]
    poisoned = articles[1]
    real = sync.sync_claims

    def sync_claims(article, drafts=None):
        if article.pk == poisoned.pk:
            raise ValueError("a rule nobody checked")
        return real(article, drafts)

    monkeypatch.setattr(sync, "sync_claims", sync_claims)
    sync.extract_articles_claims([a.pk for a in articles])
    statuses = dict(Article.objects.values_list("pk", "extraction_status"))
    assert statuses == {articles[0].pk: DONE, poisoned.pk: FAILED, articles[2].pk: DONE}
    poisoned.refresh_from_db()
    assert poisoned.extraction_error == "storing its claims failed: ValueError: a rule nobody checked"
    assert not Claim.objects.filter(article=poisoned).exists()


def test_reextract_outdated_goes_on_past_a_poisoned_article_and_leaves_none_running(db, monkeypatch, capsys):
    articles = [factories.make_article(extraction_status=status) for status in (PENDING, RUNNING, FAILED, PENDING)]
    poisoned = articles[1]
    real = sync.sync_claims

    def sync_claims(article, drafts=None):
        if article.pk == poisoned.pk:
            raise OverflowError("date value out of range")
        return real(article, drafts)

    monkeypatch.setattr(sync, "sync_claims", sync_claims)
    with pytest.raises(CommandError, match="1 article"):
        call_command("reextract", "--outdated")
    statuses = dict(Article.objects.values_list("pk", "extraction_status"))
    assert statuses[poisoned.pk] == FAILED and [statuses[a.pk] for a in articles if a != poisoned] == [DONE] * 3
    assert "4 article(s) extracted, 1 failed" in capsys.readouterr().out


# Attempts: a dead letter, not a message redelivered forever


def test_each_run_counts_an_attempt_and_a_finished_one_keeps_its_count(article):
    tasks.extract_article(article.pk)
    article.refresh_from_db()
    assert (article.extraction_status, article.extraction_attempts) == (DONE, 1)


def test_a_task_out_of_attempts_marks_the_article_failed_instead_of_running(article, monkeypatch, settings):
    settings.FACTDESK_EXTRACTION_MAX_ATTEMPTS = 3
    Article.objects.filter(pk=article.pk).update(extraction_status=RUNNING, extraction_attempts=3)
    ran = []
    use_extractor(monkeypatch, lambda text, published=None: ran.append(text) or [])
    tasks.extract_article(article.pk)  # the message of a worker killed three times, delivered a fourth
    article.refresh_from_db()
    assert article.extraction_status == FAILED and ran == []
    assert article.extraction_error.startswith("gave up after 3 attempts: extraction started 3 times")
    tasks.extract_article(article.pk)  # a stale copy: still failed, not run
    assert ran == [] and Article.objects.get(pk=article.pk).extraction_status == FAILED


def test_a_correction_counts_attempts_afresh(article, alice):
    from articles.ingest import update_article

    Article.objects.filter(pk=article.pk).update(extraction_status=FAILED, extraction_attempts=3)
    update_article(article, changes={"body": article.body + "\nMore than 8,000 people came."}, actor=alice)
    article.refresh_from_db()
    assert (article.extraction_status, article.extraction_attempts) == (PENDING, 0)


# The sweeper


def test_the_sweeper_queues_stuck_articles_again_and_fails_spent_ones(db, settings, capsys):
    settings.FACTDESK_EXTRACTION_MAX_ATTEMPTS = 3
    lost = factories.make_article()  # pending: its message never reached the broker
    _old(lost)
    dead = factories.make_article()  # running: its worker was killed
    _old(dead, extraction_status=RUNNING, extraction_attempts=1)
    spent = factories.make_article()
    _old(spent, extraction_status=RUNNING, extraction_attempts=3)
    fresh = factories.make_article()  # pending for a minute: its worker may just be busy
    call_command("sweep_extraction")
    assert "2 queued again, 1 failed (out of attempts), 0 not sent" in capsys.readouterr().out
    statuses = dict(Article.objects.values_list("pk", "extraction_status"))
    assert statuses == {lost.pk: DONE, dead.pk: DONE, spent.pk: FAILED, fresh.pk: PENDING}  # tasks run in-process
    assert Article.objects.get(pk=spent.pk).extraction_error.startswith("gave up after 3 attempts")


def test_the_sweeper_with_the_broker_still_down_leaves_articles_pending_and_says_so(db, broker_down, capsys):
    lost = factories.make_article()
    _old(lost)
    before = Article.objects.get(pk=lost.pk).extraction_status_at
    with pytest.raises(CommandError, match="broker is unreachable: 1 article"):
        call_command("sweep_extraction", "--older-than", "30")
    lost.refresh_from_db()
    assert (lost.extraction_status, lost.extraction_status_at) == (PENDING, before)


def test_celery_beat_runs_the_sweeper(db, settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["sweep-extraction"]
    assert schedule["task"] == "claims.tasks.sweep_extraction" and schedule["schedule"] == 600
    lost = factories.make_article()
    _old(lost)
    tasks.sweep_extraction()
    assert Article.objects.get(pk=lost.pk).extraction_status == DONE


# The broker down: saved, pending, never a 500


def test_the_api_answers_201_pending_with_the_broker_down(api_as, alice, broker_down, caplog,
                                                         django_capture_on_commit_callbacks):  # fmt: skip
    client = api_as(alice)
    body = {"title": "Border", "body": "Some 2,000 people are waiting at the Bruzgi border crossing."}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/articles/", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["extraction_status"] == PENDING
    assert "not sent: the broker is unreachable" in caplog.text
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post("/api/v1/articles/", body, format="json")
    assert again.status_code == 200 and again.json()["extraction_status"] == PENDING


@pytest.mark.django_db(transaction=True)  # each article's commit sends its extraction, as in production
def test_the_ingest_command_with_the_broker_down_saves_every_article_pending_and_says_so(tmp_path, broker_down, capsys):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Headline {n}\nSome 2,000 people waited, report {n} says.")
    call_command("ingest", str(tmp_path))
    out = capsys.readouterr()
    assert "3 created, 0 unchanged, 0 failed" in out.out
    assert "3 extraction(s) not sent" in out.err and "sweep_extraction" in out.err
    assert list(Article.objects.values_list("extraction_status", flat=True)) == [PENDING] * 3


def test_the_ingest_command_goes_on_past_a_file_that_raises_anything(db, tmp_path, monkeypatch, capsys):
    from articles.management.commands import ingest as command

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Headline {n}\nSome 2,000 people waited, report {n} says.")
    real = command.ingest_document

    def ingest_document(name, data, **options):
        if name == "1.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(name, data, **options)

    monkeypatch.setattr(command, "ingest_document", ingest_document)
    with pytest.raises(CommandError, match="could not ingest: .*1.txt"):
        call_command("ingest", str(tmp_path))
    out = capsys.readouterr()
    assert "2 created, 0 unchanged, 1 failed" in out.out and "RecursionError" in out.err
    assert Article.objects.count() == 2


# The desk


def test_the_desk_shows_stuck_and_failed_articles_with_their_error_and_a_retry_button(client, alice, db):
    failed = factories.make_article(extraction_status=FAILED, extraction_error=lifecycle.gave_up(3))
    stuck = factories.make_article()
    _old(stuck, extraction_status=RUNNING, extraction_attempts=2)
    factories.make_article()  # pending for a moment: not stuck
    client.force_login(alice)
    response = client.get(reverse("desk"))
    assert {a.pk for a in response.context["failed"]} == {failed.pk, stuck.pk}
    page = response.content.decode()
    assert "gave up after 3 attempts" in page and "attempt 2 of 3" in page
    assert page.count("Retry extraction") == 2
    assert reverse("article-retry-extraction", args=[stuck.pk]) in page


def test_an_editor_retries_a_failed_extraction_from_the_desk(client, alice, monkeypatch):
    article = factories.make_article(extraction_status=FAILED, extraction_error="ValueError: boom")
    Article.objects.filter(pk=article.pk).update(extraction_attempts=3)
    client.force_login(alice)
    response = client.post(reverse("article-retry-extraction", args=[article.pk]), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("desk"))
    article.refresh_from_db()
    assert (article.extraction_status, article.extraction_error, article.extraction_attempts) == (DONE, "", 1)
    assert "queued again" in response.content.decode()


def test_a_retry_with_the_broker_down_leaves_the_article_pending_and_says_so(client, alice, broker_down):
    article = factories.make_article(extraction_status=FAILED, extraction_error="ValueError: boom")
    client.force_login(alice)
    response = client.post(reverse("article-retry-extraction", args=[article.pk]), follow=True)
    assert "task queue is unreachable" in response.content.decode()
    assert Article.objects.get(pk=article.pk).extraction_status == PENDING


def test_viewers_see_no_retry_button_and_cannot_retry(client, vera):
    article = factories.make_article(extraction_status=FAILED, extraction_error="ValueError: boom")
    client.force_login(vera)
    page = client.get(reverse("desk")).content.decode()
    assert "ValueError: boom" in page and "Retry extraction" not in page
    assert client.post(reverse("article-retry-extraction", args=[article.pk])).status_code == 403
    assert Article.objects.get(pk=article.pk).extraction_status == FAILED


# Link suggestions: one claim's failure is that claim's alone


def test_a_failure_in_one_claims_suggestions_does_not_stop_the_articles_others(db, monkeypatch, caplog):
    from claims.linking import index, suggest
    from claims.models import ClaimLink

    more = {"quote": "More than 8,000", "value": Decimal(8000), "value_low": Decimal(8000), "value_high": None,
            "qualifier": "more_than", "places": ["Belarus"], "label": "More than 8,000 people"}  # fmt: skip
    earlier = factories.make_article()
    factories.make_claim(earlier)
    factories.make_claim(earlier, **more)
    article = factories.make_article()
    crowd = factories.make_claim(article)
    migrants = factories.make_claim(article, **more)
    real = index.claim_facts

    def claim_facts(claim, **options):
        if claim.pk == crowd.pk:
            raise OverflowError("date value out of range")
        return real(claim, **options)

    monkeypatch.setattr(index, "claim_facts", claim_facts)  # filing the article's claims in the index
    monkeypatch.setattr(suggest, "claim_facts", claim_facts)  # judging each claim's candidates
    tasks.suggest_links(article.pk)
    linked = set(ClaimLink.objects.values_list("from_claim_id", "to_claim_id"))
    assert any(migrants.pk in pair for pair in linked) and not any(crowd.pk in pair for pair in linked)
    assert f"claim={crowd.pk} link suggestions failed" in caplog.text
    monkeypatch.setattr(index, "claim_facts", real)
    monkeypatch.setattr(suggest, "claim_facts", real)
    tasks.suggest_links(article.pk)  # the same data, nothing failing: both claims suggested
    linked = set(ClaimLink.objects.values_list("from_claim_id", "to_claim_id"))
    assert any(crowd.pk in pair for pair in linked) and any(migrants.pk in pair for pair in linked)


def test_suggestions_out_of_time_stop_instead_of_running_on_to_the_hard_kill(db, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    from claims.linking import suggest

    article = factories.make_article()
    factories.make_claim(article)

    def out_of_time(claim, **options):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(suggest, "claim_facts", out_of_time)
    with pytest.raises(SoftTimeLimitExceeded):
        suggest.suggest_for_article(article.pk)
    # A suggestion run whose worker was killed is dropped, not redelivered to be killed again.
    assert tasks.suggest_links.reject_on_worker_lost is False and tasks.extract_article.reject_on_worker_lost

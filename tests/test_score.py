"""The check-worthiness score (issue 12, item 5): continuous, specific, large, attributed, contested and
recent claims first; background figures and repeats of a claim in the same article lower; its parts on
the claim page ("why this score")."""

import datetime as dt

import pytest
from django.urls import reverse

from claims.extraction import extract
from claims.extraction.labels import BASE_SCORE, score_from
from claims.sync import sync_claims

from . import factories

PUBLISHED = dt.date(2023, 8, 10)


def score_of(text, quote, published=PUBLISHED):
    [claim] = [claim for claim in extract(text, published) if claim.quote == quote]
    return claim


def test_the_score_is_the_sum_of_its_parts_and_continuous():
    text = (
        "Officials said 387,257 people had waited more than 52 weeks in August 2023. Some 3,100 homes burned. "
        "The agency counted 271 structures destroyed, and 1,418 people were in shelters."
    )
    claims = extract(text, PUBLISHED)
    for claim in claims:
        assert claim.score == score_from(claim.score_parts)
        assert claim.score == round(min(0.99, max(0.01, BASE_SCORE + sum(v for _, v in claim.score_parts))), 3)
    off_grid = [claim.score for claim in claims if abs(claim.score * 20 - round(claim.score * 20)) > 1e-6]
    assert off_grid, "scores in 0.05 steps"


def test_specific_large_attributed_and_recent_rank_above_vague_small_and_old():
    specific = score_of("The coast guard said 2,417 migrants arrived in July 2023.", "2,417")
    vague = score_of("Dozens arrived.", "Dozens")
    assert specific.score > vague.score
    large = score_of("The fire destroyed 2,207 homes.", "2,207")
    small = score_of("The fire destroyed 22 homes.", "22")
    assert large.score > small.score
    attributed = score_of("The fire destroyed 220 homes, officials said.", "220")
    assert attributed.score > score_of("The fire destroyed 220 homes.", "220").score
    recent = score_of("The fire destroyed 2,207 homes in July 2023.", "2,207")
    old = score_of("The fire destroyed 2,207 homes in 1998.", "2,207")
    assert recent.score > old.score
    assert "recent" in dict(recent.score_parts) and "old" in dict(old.score_parts)


def test_a_contested_figure_ranks_above_the_same_figure_uncontested():
    contested = score_of("The ministry said 2,207 homes were destroyed, a figure residents disputed.", "2,207")
    plain = score_of("The ministry said 2,207 homes were destroyed, a figure residents welcomed.", "2,207")
    assert contested.score > plain.score
    assert "contested in its sentence" in dict(contested.score_parts)


def test_background_figures_rank_lower():
    news = score_of("At least 1,200 people died in Tacloban in the storm.", "At least 1,200")
    population = score_of("Tacloban, a city of 220,000 people where most residents live near the coast.", "220,000")
    assert population.score < news.score
    assert any(name.startswith("background") for name, _ in population.score_parts)
    target = score_of("Only 71% were seen within four hours, against a target of 95%.", "95%")
    seen = score_of("Only 71% were seen within four hours, against a target of 95%.", "Only 71%")
    assert target.score < seen.score


def test_a_repeat_of_a_figure_in_the_same_article_ranks_below_its_first_statement():
    text = "Storm kills 1,418 in the Philippines\n\nOfficials said on Monday that the storm killed 1,418 people."
    first, repeat = [claim for claim in extract(text, PUBLISHED) if claim.value == 1418]
    assert repeat.score < first.score
    assert "repeats a figure stated earlier in the article" in dict(repeat.score_parts)
    assert "repeats a figure stated earlier in the article" not in dict(first.score_parts)


def test_the_json_of_a_draft_keeps_to_the_spec_s_fields():
    [claim] = extract("The fire destroyed 2,207 homes.")
    assert "score_parts" not in claim.as_dict()


@pytest.mark.django_db
def test_the_claim_page_shows_why_this_score(client, alice):
    article = factories.make_article(body="Officials said the fire destroyed 2,207 homes in Lahaina in August 2023.")
    sync_claims(article)
    claim = article.claims.get()
    assert claim.score_parts and claim.score == score_from(tuple(map(tuple, claim.score_parts)))
    client.force_login(alice)
    page = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()
    section = page.split('id="score"')[1].split("</section>")[0]
    assert "Why this score" in section
    assert "attributed to a source" in section and "large figure" in section
    assert f"{claim.score:.3f}" in section


@pytest.mark.django_db
def test_a_claim_extracted_before_the_parts_says_so(client, alice):
    claim = factories.make_claim(factories.make_article())
    client.force_login(alice)
    page = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()
    assert "Extracted before the score&#x27;s parts were kept" in page or "Extracted before the score's parts" in page

"""Readable numbers wherever an editor looks ("150", "2.5", "8,000"), places as a list in the admin,
and admin headings that read as English."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import Claim
from claims.readable import readable_number

from . import factories

HTMX = {"HX-Request": "true"}


@pytest.mark.parametrize(
    ("value", "shown"),
    [(Decimal("150.0000000000"), "150"), (Decimal("2.5000000000"), "2.5"), (Decimal("8000.0000000000"), "8,000"),
     (Decimal("1234567.25"), "1,234,567.25"), (Decimal("-3000"), "-3,000"), (None, ""), ("people", "people")],
)  # fmt: skip
def test_a_number_reads_without_trailing_zeros_and_with_thousands_grouped(value, shown):
    assert readable_number(value) == shown


@pytest.fixture
def eight_thousand(article):
    return factories.make_claim(
        article, quote="More than 8,000", value=Decimal(8000), value_low=Decimal("7999.5"), value_high=None,
        extracted={"value": "8000", "value_low": "8000"},
    )  # fmt: skip


def test_the_claim_page_shows_and_takes_back_grouped_numbers(client, alice, eight_thousand):
    client.force_login(alice)
    page = client.get(reverse("claim-detail", args=[eight_thousand.pk])).content.decode()
    assert 'name="value" value="8,000"' in page and 'name="value_low" value="7,999.5"' in page
    assert "0000000000" not in page
    row = page.split('for="id_value"')[1].split("</tr>")[0]
    assert '<td class="proposed">8,000' in row
    data = {name: "" for name in ("value_high", "time_text", "period_start", "period_end", "attribution")}
    data |= {"version": 1, "value": "9,500", "value_low": "7,999.5", "qualifier": "more_than", "unit": "people",
             "kind": "count", "places": "Bruzgi, Belarus, Poland", "label": eight_thousand.label,
             "compared_to": "", "compared_period_start": "", "compared_period_end": ""}  # fmt: skip
    data |= {f"initial-{name}": value for name, value in data.items() if name != "version"}
    data["initial-value"] = "8,000"
    response = client.post(reverse("claim-fields", args=[eight_thousand.pk]), data, headers=HTMX)
    assert response.status_code == 200
    eight_thousand.refresh_from_db()
    assert eight_thousand.value == Decimal(9500) and eight_thousand.value_low == Decimal("7999.5")
    assert eight_thousand.edited_by_editor == ["value"]  # "7,999.5" sent back unchanged is no change
    assert "value: 8,000 → 9,500" in response.content.decode().split('id="history"')[1]


def test_the_csv_gives_plain_digits_a_spreadsheet_reads_as_numbers(client, alice, eight_thousand):
    client.force_login(alice)
    response = client.get(reverse("queue-export"))
    row = next(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert (row["value"], row["value_low"], row["value_high"]) == ("8000", "7999.5", "")


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def test_the_admin_shows_readable_numbers_and_edits_places_as_a_list(admin_client, eight_thousand, staff):
    changelist = admin_client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert '<td class="field-shown_value">8,000</td>' in changelist and "0000000000" not in changelist
    url = reverse("admin:claims_claim_change", args=[eight_thousand.pk])
    form = admin_client.get(url).content.decode()
    assert 'name="value" value="8,000"' in form and "0000000000" not in form.split('id="claim_form"')[1]
    assert '<textarea name="places"' in form and "\nBruzgi\nBelarus\nPoland</textarea>" in form
    data = {"version": eight_thousand.version, "value": "8,000", "value_low": "7,999.5", "value_high": "",
            "qualifier": "approx", "unit": "people", "kind": "count", "time_text": "", "period_start": "",
            "period_end": "", "compared_to": "", "compared_period_start": "", "compared_period_end": "",
            "places": "Bruzgi\nKuźnica\n", "attribution": "", "label": eight_thousand.label,
            "assignee": ""}  # fmt: skip
    for prefix in ("annotations", "links_from", "links_to", "events"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    eight_thousand.refresh_from_db()
    assert eight_thousand.places == ["Bruzgi", "Kuźnica"] and eight_thousand.value == Decimal(8000)
    assert eight_thousand.events.get(kind="edit").after == {"places": ["Bruzgi", "Kuźnica"]}


def test_the_admin_headings_read_as_english(admin_client, eight_thousand, alice):
    other = factories.make_claim(eight_thousand.article)
    workflow.link(eight_thousand, other, relation="same", editor=alice)
    workflow.annotate(eight_thousand, text="Asked UNHCR.", editor=alice)
    form = admin_client.get(reverse("admin:claims_claim_change", args=[eight_thousand.pk])).content.decode()
    for heading in ("Links to other claims", "Notes", "History", "Low end:", "High end:", "Time, as written:"):
        assert heading in form, heading
    for clumsy in ("another claims", "Value low", "Time text", "Claim events", "Edited by editor"):
        assert clumsy not in form, clumsy
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert "Links between claims" in index and ">History<" in index and ">Notes<" in index
    assert Claim.objects.count() == 2

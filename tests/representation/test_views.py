"""The overview pages and their CSV: who reaches them, what they show, how many queries they take."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from organisations.choices import County, OrganisationKind
from representation.figures import NO_COUNTY, Counts
from tests.factories import UserFactory
from tests.representation.conftest import YEAR

pytestmark = pytest.mark.django_db


def urls(known) -> list[str]:
    spring = known.consultations[0]
    return [
        reverse("representation_admin:index"),
        reverse("representation_admin:year", args=[YEAR]),
        reverse("representation_admin:year_csv", args=[YEAR]),
        reverse("representation_admin:consultation", args=[spring.pk]),
        reverse("representation_admin:consultation_csv", args=[spring.pk]),
    ]


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_urls():
    assert reverse("representation_admin:index") == "/admin/representation/"
    assert reverse("representation_admin:year", args=[2020]) == "/admin/representation/2020/"
    assert reverse("representation_admin:year_csv", args=[2020]) == "/admin/representation/2020/csv/"
    assert reverse("representation_admin:consultation", args=[7]) == "/admin/representation/consultation/7/"
    assert (
        reverse("representation_admin:consultation_csv", args=[7])
        == "/admin/representation/consultation/7/csv/"
    )


@pytest.mark.parametrize("role", ["organiser", "superuser"])
def test_organisers_see_every_page(known, staff, role):
    client = client_for(staff[role])
    for url in urls(known):
        assert client.get(url).status_code == 200, url


def test_the_approver_is_refused_every_page(known, staff):
    """The head of unit approves minutes; the figures are the organisers' (docs/roles.md)."""
    client = client_for(staff["approver"])
    for url in urls(known):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Deltog" not in response.content.decode(), url


@pytest.mark.parametrize("who", ["anonymous", "participant", "someone"])
def test_others_are_sent_to_the_login(known, participant, who):
    user = {"anonymous": None, "participant": participant, "someone": UserFactory()}[who]
    client = client_for(user)
    for url in urls(known):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"]


def test_unknown_consultation_and_year_out_of_range_are_404(known, organiser_client):
    for name, number in [
        ("consultation", 999999),
        ("consultation_csv", 999999),
        ("year", 0),
        ("year_csv", 10000),
    ]:
        url = reverse(f"representation_admin:{name}", args=[number])
        assert organiser_client.get(url).status_code == 404, url


def test_the_index_lists_years(known, organiser_client):
    content = organiser_client.get(reverse("representation_admin:index")).content.decode()
    assert reverse("representation_admin:year", args=[YEAR]) in content


def test_the_year_page_table_and_lists(known, organiser_client):
    response = organiser_client.get(reverse("representation_admin:year", args=[YEAR]))
    content = response.content.decode()
    assert response.context["figures"].total == Counts(7, 6, 3)
    rows = {row.code: row for row in response.context["rows"]}
    assert rows[County.BD].never_attended and not rows[County.BD].never_invited
    assert rows[County.O].never_invited and not rows[County.AB].never_invited
    assert rows[NO_COUNTY].total == Counts(1, 1, 0)
    assert "<caption>" in content and 'scope="row"' in content and 'scope="col"' in content
    assert "2 / 2 / 1" in content  # Stockholm, associations
    assert "7 / 6 / 3" in content  # the grand total
    assert content.count('class="w-status w-status--label"') == len(County.choices) - 3 + 1 + 1 + 3
    for consultation in known.consultations:
        assert reverse("representation_admin:consultation", args=[consultation.pk]) in content
    assert reverse("representation_admin:year_csv", args=[YEAR]) in content


def test_charts_are_inline_svg_with_a_text_alternative(known, organiser_client):
    content = organiser_client.get(reverse("representation_admin:year", args=[YEAR])).content.decode()
    for chart in ("chart-kinds", "chart-counties"):
        assert f'role="img" aria-labelledby="{chart}-title {chart}-desc"' in content
        assert f'<title id="{chart}-title">' in content and f'<desc id="{chart}-desc">' in content
    start = content.index('id="counts-heading"')
    ours = content[start : content.index("</section>", content.index('id="charts-heading"'))]
    assert "<script" not in ours and " style=" not in ours  # the strict CSP allows neither


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_csv_has_the_same_figures(known, organiser_client):
    response = organiser_client.get(reverse("representation_admin:year", args=[YEAR]))
    figures = response.context["figures"]
    rows = read_csv(organiser_client.get(reverse("representation_admin:year_csv", args=[YEAR])))
    header, body = rows[0], rows[1:]
    assert len(header) == 7
    kinds, counties = len(figures.kinds), len(figures.counties)
    assert len(body) == counties * kinds + counties + kinds + 1
    cells = {(row[0], row[2]): Counts(*map(int, row[4:])) for row in body[: counties * kinds]}
    assert cells == figures.cells
    assert cells[(County.AB, OrganisationKind.ASSOCIATION)] == Counts(2, 2, 1)
    county_totals = {
        row[0]: Counts(*map(int, row[4:])) for row in body[counties * kinds : counties * kinds + counties]
    }
    assert county_totals == figures.county_totals
    kind_totals = {row[2]: Counts(*map(int, row[4:])) for row in body[-kinds - 1 : -1]}
    assert kind_totals == figures.kind_totals
    assert body[-1][4:] == ["7", "6", "3"]


def test_the_consultation_csv(known, organiser_client):
    spring = known.consultations[0]
    rows = read_csv(organiser_client.get(reverse("representation_admin:consultation_csv", args=[spring.pk])))
    assert rows[-1][4:] == ["4", "3", "1"]


def test_the_menus_link_to_the_overview(known, organiser_client):
    home = organiser_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("representation_admin:index") in home
    spring = known.consultations[0]
    edit = organiser_client.get(reverse("wagtailadmin_pages:edit", args=[spring.pk])).content.decode()
    assert reverse("representation_admin:consultation", args=[spring.pk]) in edit

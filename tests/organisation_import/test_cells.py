"""A cell at a time: organisation numbers and their check digit, counties and kinds as people write
them, addresses, and cells a spreadsheet would run."""

import pytest
from django.utils import translation

from organisation_import import cells
from organisations.choices import County, OrganisationKind


@pytest.fixture(autouse=True)
def _english():
    """The messages are matched by their English msgids, whatever the translation says."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize("text", ["802000-0017", "8020000017", "16802000-0017", "802000 0017"])
def test_an_organisation_number_is_read_in_its_usual_forms(text):
    assert cells.clean_organisation_number(text) == "802000-0017"


@pytest.mark.parametrize("text", ["802000-0018", "802000-0010"])
def test_a_wrong_check_digit_is_refused(text):
    with pytest.raises(cells.CellError, match="last digit"):
        cells.clean_organisation_number(text)


@pytest.mark.parametrize("text", ["80200-0017", "abc", "802000-00171"])
def test_a_malformed_organisation_number_is_refused(text):
    with pytest.raises(cells.CellError, match="NNNNNN-NNNN"):
        cells.clean_organisation_number(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Stockholms län", County.AB),
        ("Stockholm", County.AB),
        ("AB", County.AB),
        ("ab", County.AB),
        ("Stockholm County", County.AB),
        ("Västra Götalands län", County.O),
        ("Skåne län", County.M),
        ("Jönköpings län", County.F),
        ("Gävleborg", County.X),
        ("Västerbotten", County.AC),
        ("BD", County.BD),
    ],
)
def test_counties_by_name_or_code(text, code):
    assert cells.clean_county(text) == code


@pytest.mark.parametrize("text", ["Atlantis län", "Oslo", "ZZ"])
def test_an_unknown_county_is_refused(text):
    with pytest.raises(cells.CellError):
        cells.clean_county(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Förening", OrganisationKind.ASSOCIATION),
        ("ideell förening", OrganisationKind.ASSOCIATION),
        ("Foundation", OrganisationKind.FOUNDATION),
        ("Stiftelse", OrganisationKind.FOUNDATION),
        ("kommun", OrganisationKind.MUNICIPALITY),
        ("Myndighet", OrganisationKind.AGENCY),
    ],
)
def test_kinds_in_swedish_and_english(text, kind):
    assert cells.clean_kind(text) == kind


def test_an_unknown_kind_is_refused():
    with pytest.raises(cells.CellError):
        cells.clean_kind("Sällskap")


def test_addresses_are_split_and_each_checked():
    assert cells.clean_emails("a@example.org; b@example.org, c@example.org") == (
        "a@example.org\nb@example.org\nc@example.org"
    )
    with pytest.raises(cells.CellError):
        cells.clean_emails("a@example.org, info@@example.org")


@pytest.mark.parametrize("text", ["=1+1", "+46 8 123", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x","y")'])
def test_a_cell_that_looks_like_a_formula_is_refused(text):
    with pytest.raises(cells.CellError, match="formula"):
        cells.refuse_formula(text)


def test_a_website_gets_its_scheme():
    assert cells.clean_website("www.förening.example.org") == "https://www.förening.example.org"
    with pytest.raises(cells.CellError):
        cells.clean_website("inte en adress")

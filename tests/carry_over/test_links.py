"""'What happened to what we said last year' is one click, both ways, on the public pages."""

import pytest
from wagtail.models import PageViewRestriction

from tests.carry_over.conftest import next_consultation
from tests.factories import MinutesPageFactory
from tests.utils import html, text_of, url_in

pytestmark = pytest.mark.django_db


def _carried_section(document):
    heading = document.find(id="carried-over-heading")
    assert heading is not None, "no 'Carried over from earlier consultations' section"
    return heading.find_parent("section")


def test_the_next_consultation_links_to_the_takeaway_in_the_earlier_minutes(client, index, cycle):
    page = next_consultation(index, cycle.theme, carried=[cycle.open, cycle.in_progress])
    document = html(client.get(url_in(page, "en")))
    section = _carried_section(document)
    hrefs = [a["href"] for a in section.find_all("a")]
    minutes_path = url_in(cycle.minutes, "en")
    assert hrefs == [
        f"{minutes_path}#medskick-{cycle.open.pk}",
        f"{minutes_path}#medskick-{cycle.in_progress.pk}",
    ]
    text = text_of(section)
    assert cycle.open.text in text and "Status: Open" in text and "Status: In progress" in text
    assert cycle.earlier.title in text
    # The anchor is on the minutes page.
    assert html(client.get(minutes_path)).find(id=f"medskick-{cycle.open.pk}") is not None


def test_the_earlier_minutes_link_to_the_next_consultation(client, index, cycle):
    page = next_consultation(index, cycle.theme, carried=[cycle.open])
    document = html(client.get(url_in(cycle.minutes, "en")))
    item = document.find(id=f"medskick-{cycle.open.pk}")
    link = item.find("a", href=url_in(page, "en"))
    assert link is not None
    assert f"Taken up again at {page.title}" in text_of(link)
    other = document.find(id=f"medskick-{cycle.in_progress.pk}")
    assert other.find("a") is None, "a takeaway not carried over links nowhere"


def test_a_draft_next_consultation_is_not_named(client, index, cycle):
    page = next_consultation(index, cycle.theme, carried=[cycle.open], publish=False)
    content = client.get(cycle.minutes.url).content.decode()
    assert page.title not in content
    assert "Taken up again" not in content


def test_a_restricted_next_consultation_is_not_named(client, index, cycle):
    page = next_consultation(index, cycle.theme, carried=[cycle.open])
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert page.title not in client.get(cycle.minutes.url).content.decode()


def test_unpublished_earlier_minutes_are_not_linked(client, index, cycle):
    page = next_consultation(index, cycle.theme, carried=[cycle.open])
    cycle.minutes.unpublish()
    content = client.get(page.url).content.decode()
    assert cycle.open.text not in content
    assert 'id="carried-over-heading"' not in content


def test_the_new_minutes_link_back(client, index, cycle):
    page = next_consultation(index, cycle.theme, carried=[cycle.open])
    new_minutes = MinutesPageFactory(parent=page, title="Minnesanteckningar i år", slug="minnesanteckningar")
    document = html(client.get(url_in(new_minutes, "en")))
    section = _carried_section(document)
    assert [a["href"] for a in section.find_all("a")] == [
        f"{url_in(cycle.minutes, 'en')}#medskick-{cycle.open.pk}"
    ]


def test_no_section_without_carried_takeaways(client, index, cycle):
    page = next_consultation(index, cycle.theme)
    assert 'id="carried-over-heading"' not in client.get(page.url).content.decode()

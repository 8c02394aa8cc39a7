"""The minutes as a PDF: the same content, made again whenever what it shows changes, only when public."""

import io
from unittest import mock

import pytest
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from minutes import pdf as minutes_pdf
from tests.utils import html, text_of, url_in

pytestmark = pytest.mark.django_db

FAKE_PDF = b"%PDF-1.7 fake"


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_pdf_has_the_same_content(client, minutes):
    response = client.get(f"{minutes.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{minutes.slug}.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    text = _text(response.content)
    for expected in (
        minutes.title,
        "Organisation Minnesanteckningar om barn och unga 2",
        "Punkt 2 om fritidsgårdar",
        "Medskick nummer 1",
        "Departementet har gjort åtgärd 0.",
        "Inledning om det civila samhällets villkor",
    ):
        assert expected in text, f"{expected!r} not in the PDF"
    # The same headings as the web page (the chrome around it aside).
    page = html(client.get(minutes.url)).find("article")
    for heading in page.find_all(["h1", "h2", "h3"]):
        assert text_of(heading) in text, f"heading {text_of(heading)!r} not in the PDF"


def test_pdf_is_made_once_per_published_revision(client, minutes):
    with mock.patch.object(minutes_pdf, "render_pdf", return_value=FAKE_PDF) as render:
        assert client.get(f"{minutes.url}pdf/").content == FAKE_PDF
        assert client.get(f"{minutes.url}pdf/").content == FAKE_PDF
        assert render.call_count == 1

        minutes.summary = "En ny sammanfattning som ännu inte är publicerad."
        minutes.save_revision()  # a draft: the published PDF stays
        client.get(f"{minutes.url}pdf/")
        assert render.call_count == 1

        minutes.save_revision().publish()
        client.get(f"{minutes.url}pdf/")
        assert render.call_count == 2
        assert "En ny sammanfattning" in render.call_args.args[0]

        client.get(f"{url_in(minutes, 'en')}pdf/")  # each interface language has its own
        assert render.call_count == 3


def test_pdf_is_made_again_when_the_consultation_or_an_organisation_changes(client, minutes):
    # Neither is a new revision of the minutes, yet both show in the PDF (as on the HTML page).
    with mock.patch.object(minutes_pdf, "render_pdf", return_value=FAKE_PDF) as render:
        client.get(f"{minutes.url}pdf/")
        client.get(f"{minutes.url}pdf/")
        assert render.call_count == 1  # nothing changed: the cached PDF

        consultation = minutes.get_parent().specific
        consultation.title = "Sakråd om barn och unga – ny titel"
        consultation.save_revision().publish()
        assert "ny titel" in html(client.get(minutes.url)).find("article").get_text()
        assert client.get(f"{minutes.url}pdf/").content == FAKE_PDF
        assert render.call_count == 2
        assert "Sakråd om barn och unga – ny titel" in render.call_args.args[0]

        organisation = minutes.participating_organisations.order_by("name").first()
        organisation.name = "Organisation med nytt namn"
        organisation.save()
        client.get(f"{minutes.url}pdf/")
        assert render.call_count == 3
        assert "Organisation med nytt namn" in render.call_args.args[0]

        client.get(f"{minutes.url}pdf/")
        assert render.call_count == 3


def test_pdf_of_a_draft_is_404(client, held):
    from tests.factories import MinutesPageFactory

    draft = MinutesPageFactory(parent=held, title="Utkast till anteckningar", publish=False)
    with mock.patch.object(minutes_pdf, "render_pdf", return_value=FAKE_PDF) as render:
        assert client.get(f"{held.url}{draft.slug}/pdf/").status_code == 404
    assert not render.called


def test_pdf_of_a_withdrawn_page_is_404(client, minutes):
    url = f"{minutes.url}pdf/"
    minutes.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("restricted", ["minutes", "consultation"])
def test_pdf_of_a_private_page_is_never_served(client, django_user_model, minutes, held, restricted):
    page = minutes if restricted == "minutes" else held
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    with mock.patch.object(minutes_pdf, "render_pdf", return_value=FAKE_PDF) as render:
        response = client.get(f"{minutes.url}pdf/")
        assert response.status_code in (302, 404)  # Wagtail sends anonymous visitors to the login
        # Logged in, it still is no public PDF: nothing private ever goes into the shared cache.
        user = django_user_model.objects.create_user(email="lasare@example.org", password="Ett-langt-losen-1")
        client.force_login(user)
        assert client.get(f"{minutes.url}pdf/").status_code == 404
    assert not render.called

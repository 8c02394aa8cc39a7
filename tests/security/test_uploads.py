"""Uploaded files never run on our origin: documents are downloads, no SVG or HTML gets in, sizes are capped,
and no page or collection can be opened with a shared password."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.admin.forms.collections import CollectionViewRestrictionForm
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

# What an upload may hold and how files are served, not how rows are stored: the first pass shows it.
pytestmark = pytest.mark.same_on_every_database

Document = get_document_model()
Image = get_image_model()

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!doctype html><script>alert(document.cookie)</script>"


def png_bytes(padding: int = 0) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * padding


def upload_document(client: Client, filename: str, content: bytes):
    return client.post(
        "/admin/documents/add/",
        {
            "title": filename,
            "file": SimpleUploadedFile(filename, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_image(client: Client, filename: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {
            "title": filename,
            "file": SimpleUploadedFile(filename, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


# --- Serving --------------------------------------------------------------------------------------


def test_documents_download_instead_of_opening(world):
    """Even a PDF, which Wagtail would show inline by default, comes as an attachment."""
    response = world.client_for("anonymous").get(world.document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_restricted_documents_are_not_served_to_visitors(world):
    response = world.client_for("anonymous").get(world.private_document.url)
    assert response.status_code == 302
    assert b"%PDF" not in response.content


# --- What may be uploaded --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "content"),
    [("karta.svg", SVG), ("sida.html", HTML), ("sida.htm", HTML), ("sida.xhtml", HTML), ("data.xml", SVG)],
)
def test_document_upload_refuses_active_content(world, filename, content):
    before = Document.objects.count()
    response = upload_document(world.client_for("organiser"), filename, content)
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors["file"]
    assert Document.objects.count() == before


def test_document_upload_accepts_a_pdf(world):
    before = Document.objects.count()
    response = upload_document(world.client_for("organiser"), "underlag.pdf", b"%PDF-1.4\n")
    assert response.status_code == 302
    assert Document.objects.count() == before + 1


def test_image_upload_refuses_svg(world):
    response = upload_image(world.client_for("organiser"), "logga.svg", SVG)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.exists()


def test_image_upload_accepts_a_png(world):
    response = upload_image(world.client_for("organiser"), "bild.png", png_bytes())
    assert response.status_code == 302
    assert Image.objects.count() == 1


def test_no_active_content_types_are_allowed_at_all():
    """The allowlists themselves, so a later edit adding SVG or HTML fails here and not in production."""
    active = {"svg", "svgz", "html", "htm", "xhtml", "xml", "js", "mjs", "swf", "xsl", "xslt"}
    assert active.isdisjoint(settings.WAGTAILDOCS_EXTENSIONS)
    assert active.isdisjoint(settings.WAGTAILIMAGES_EXTENSIONS)
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == []
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


# --- Sizes ---------------------------------------------------------------------------------------


def test_oversized_document_is_refused(world):
    before = Document.objects.count()
    too_big = b"%PDF-1.4\n" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    response = upload_document(world.client_for("organiser"), "stor.pdf", too_big)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert Document.objects.count() == before


def test_oversized_image_is_refused(world):
    too_big = png_bytes(padding=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    response = upload_image(world.client_for("organiser"), "stor.png", too_big)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.exists()


def test_oversized_form_body_is_refused(db):
    """Form fields (not files) beyond DATA_UPLOAD_MAX_MEMORY_SIZE: 400 before any view reads them."""
    response = Client().post("/accounts/login/", {"login": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
    assert response.status_code == 400


# --- No shared passwords -------------------------------------------------------------------------


def test_page_privacy_offers_no_shared_password():
    form = PageViewRestrictionForm(private_page_options=["password", "login", "groups"])
    assert "password" not in form.fields
    assert "password" not in [value for value, _ in form.fields["restriction_type"].choices]


def test_collection_privacy_offers_no_shared_password():
    form = CollectionViewRestrictionForm()
    assert "password" not in form.fields
    assert "password" not in [value for value, _ in form.fields["restriction_type"].choices]


def test_privacy_dialog_in_the_admin_has_no_password_field(world):
    response = world.client_for("superuser").get(f"/admin/pages/{world.standard_page.pk}/privacy/")
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="login"' in html
    assert 'name="password"' not in html and 'value="password"' not in html

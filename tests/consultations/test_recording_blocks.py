"""Recordings and sign-language videos cannot be published without captions or a transcript, and the
page shows readers what there is (consultations/blocks.py, templates/blocks/video_access.html)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model

from consultations.blocks import NEEDS_CAPTIONS_OR_TRANSCRIPT, RecordingBlock, SignLanguageVideoBlock
from consultations.captions import NOT_WEBVTT_CONTENT, NOT_WEBVTT_NAME
from consultations.models import ConsultationPage
from tests.factories import ConsultationPageFactory, recording
from tests.utils import html, text_of, translated

pytestmark = pytest.mark.django_db

VTT = b"\xef\xbb\xbfWEBVTT\n\n00:00.000 --> 00:02.000\nV\xc3\xa4lkomna.\n"
URL = "https://video.example.org/inledning"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def document(name: str, content: bytes, title: str = "Textning"):
    made = get_document_model()(title=title)
    made.file.save(name, ContentFile(content), save=False)
    made.save()
    return made


def value(block, **fields):
    raw = {"title": "Inledning", "url": URL, "description": "", **fields}
    return block.to_python({**raw, **{k: v.pk for k, v in raw.items() if hasattr(v, "pk")}})


def refusal(block, **fields) -> StructBlockValidationError:
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value(block, **fields))
    return error.value


@pytest.mark.parametrize("block", [RecordingBlock(), SignLanguageVideoBlock()], ids=["recording", "sign"])
def test_a_video_without_captions_or_transcript_is_refused_with_a_clear_message(block):
    error = refusal(block)
    assert [str(message) for message in error.non_block_errors] == [str(NEEDS_CAPTIONS_OR_TRANSCRIPT)]
    # An empty paragraph from the editor is no transcript.
    assert refusal(block, transcript="<p> </p>").non_block_errors


def test_captions_that_are_not_webvtt_are_refused():
    block = RecordingBlock()
    named_wrong = document("textning.txt", VTT)
    assert [str(e) for e in refusal(block, captions=named_wrong).block_errors["captions"]] == [
        str(NOT_WEBVTT_NAME)
    ]
    not_vtt = document("textning.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n")
    assert [str(e) for e in refusal(block, captions=not_vtt).block_errors["captions"]] == [
        str(NOT_WEBVTT_CONTENT)
    ]
    prefix_only = document("falsk.vtt", b"WEBVTTX\n")
    assert refusal(block, captions=prefix_only).block_errors["captions"]


@pytest.mark.parametrize(
    "access",
    ["captions", "captions_at_host", "transcript", "transcript_document"],
)
def test_any_one_of_captions_or_a_transcript_is_enough(access):
    given = {
        "captions": lambda: document("textning.vtt", VTT),
        "captions_at_host": lambda: True,
        "transcript": lambda: "<p>Välkomna till sakrådet.</p>",
        "transcript_document": lambda: document("utskrift.pdf", b"%PDF-1.4\n", title="Utskrift"),
    }[access]()
    for block in (RecordingBlock(), SignLanguageVideoBlock()):
        cleaned = block.clean(value(block, **{access: given}))
        assert cleaned["title"] == "Inledning"


def test_a_live_page_with_an_uncaptioned_recording_is_not_saved(index):
    """The admin form runs the block's check; Page.save() does too, so an import cannot publish one."""
    page = ConsultationPageFactory.build(
        title="Utan textning", slug="utan-textning", recordings=[recording("Inledning", URL, transcript="")]
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    assert "recordings" in error.value.message_dict
    assert not ConsultationPage.objects.filter(slug="utan-textning").exists()


def test_readers_get_the_transcript_and_the_captions(client, index):
    captions = document("inledning.vtt", VTT)
    transcript_file = document("panel.pdf", b"%PDF-1.4\n", title="Utskrift panel")
    page = ConsultationPageFactory(
        parent=index,
        recordings=[
            {
                "type": "recording",
                "value": {
                    "title": "Inledning",
                    "url": URL,
                    "description": "",
                    "captions": captions.pk,
                    "transcript": "<p>Ordföranden hälsar alla välkomna.</p>",
                },
            },
            {
                "type": "recording",
                "value": {
                    "title": "Panelsamtal",
                    "url": "https://video.example.org/panel",
                    "description": "",
                    "transcript_document": transcript_file.pk,
                    "captions_at_host": True,
                },
            },
            recording(
                "Teckenspråk",
                "https://video.example.org/tsp",
                kind="sign_language_video",
                transcript="",
                captions_at_host=True,
            ),
        ],
    )
    document_html = html(client.get(page.url))
    items = document_html.select(".link-list__item")
    first, second, sign = items[-3:]
    assert first.find("a", href=captions.url) is not None
    assert "Ordföranden hälsar alla välkomna." in text_of(first.select_one("details"))
    assert first.select_one("details summary") is not None
    assert second.find("a", href=transcript_file.url) is not None
    assert "PDF" in text_of(second.find("a", href=transcript_file.url))
    assert text_of(second.select_one(".video-access li:not(:has(a))"))  # the host's captions, said
    video_link = sign.find("a", href="https://video.example.org/tsp")
    assert video_link["hreflang"] == "swl"
    assert translated("Swedish sign language (svenskt teckenspråk)", "sv") in text_of(sign)

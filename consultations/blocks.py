from django.db import models
from django.forms.utils import ErrorList
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .captions import captions_error


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"))
    item = blocks.CharBlock(label=_("Item"), max_length=255)
    speakers = blocks.ListBlock(SnippetChooserBlock("organisations.Person"), label=_("Speakers"), default=[])
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "blocks/agenda_item.html"


# Formats staff may use for text written for readers of a recording: no headings or images.
TRANSCRIPT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
NEEDS_CAPTIONS_OR_TRANSCRIPT = _(
    "A recording needs captions or a transcript before it can be published: upload a WebVTT file, "
    "confirm that the recording at the link has captions, or write or upload a transcript."
)


class AccessibleVideoBlock(blocks.StructBlock):
    """A video linked from a page, which deaf and hard-of-hearing readers can follow: it cannot be
    saved without captions (a WebVTT file, or captions at the host) or a transcript."""

    title = blocks.CharBlock(label=_("Title"), max_length=255)
    url = blocks.URLBlock(label=_("Link to the recording"))
    description = blocks.TextBlock(label=_("Description"), required=False)
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT file)"), required=False, help_text=_("A .vtt file of the captions.")
    )
    captions_at_host = blocks.BooleanBlock(
        label=_("The recording at the link has captions"),
        required=False,
        help_text=_("Tick only if you have checked that the captions can be switched on where it is shown."),
    )
    transcript = blocks.RichTextBlock(label=_("Transcript"), required=False, features=TRANSCRIPT_FEATURES)
    transcript_document = DocumentChooserBlock(label=_("Transcript as a document"), required=False)

    def clean(self, value):
        value = super().clean(value)
        captions = value.get("captions")
        error = captions_error(captions) if captions else None
        if error:
            raise StructBlockValidationError(block_errors={"captions": error})
        has_captions = bool(captions or value.get("captions_at_host"))
        transcript = value.get("transcript")
        has_transcript = bool(transcript and strip_tags(transcript.source).strip()) or bool(
            value.get("transcript_document")
        )
        if not (has_captions or has_transcript):
            raise StructBlockValidationError(non_block_errors=ErrorList([NEEDS_CAPTIONS_OR_TRANSCRIPT]))
        return value


class RecordingBlock(AccessibleVideoBlock):
    """A recorded part of an event, linked after it was held."""

    class Meta:
        icon = "media"
        label = _("Recording")
        template = "blocks/recording.html"


class SignLanguage(models.TextChoices):
    # ISO 639-3 codes, valid as BCP 47 language tags (hreflang, lang).
    SWEDISH = "swl", _("Swedish sign language (svenskt teckenspråk)")


class SignLanguageVideoValue(blocks.StructValue):
    @property
    def language_label(self) -> str:
        return dict(SignLanguage.choices).get(self.get("language"), "")


class SignLanguageVideoBlock(AccessibleVideoBlock):
    """Information given in sign language, as a video of its own; captions or a transcript as for
    every recording, for those who do not sign."""

    language = blocks.ChoiceBlock(
        label=_("Sign language"), choices=SignLanguage.choices, default=SignLanguage.SWEDISH
    )

    class Meta:
        icon = "user"
        label = _("Sign-language video")
        value_class = SignLanguageVideoValue
        template = "blocks/sign_language_video.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph.html",
    )
    image = ImageBlock(label=_("Image"), template="blocks/image.html")

    class Meta:
        template = "blocks/body.html"

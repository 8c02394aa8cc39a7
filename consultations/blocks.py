from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"))
    item = blocks.CharBlock(label=_("Item"), max_length=255)
    speakers = blocks.ListBlock(SnippetChooserBlock("organisations.Person"), label=_("Speakers"), default=[])
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "blocks/agenda_item.html"


class RecordingBlock(blocks.StructBlock):
    """A recorded part of an event, linked after it was held."""

    title = blocks.CharBlock(label=_("Title"), max_length=255)
    url = blocks.URLBlock(label=_("Link to the recording"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "media"
        label = _("Recording")
        template = "blocks/recording.html"


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

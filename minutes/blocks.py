"""The minutes' own blocks: what the compile step fills in, and staff then edit like any content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.blocks import BodyBlock

POINT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PresentationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    presenters = blocks.CharBlock(label=_("Presented by"), max_length=500, required=False)
    summary = blocks.RichTextBlock(label=_("Summary"), features=POINT_FEATURES, required=False)

    class Meta:
        icon = "media"
        label = _("Presentation")
        template = "blocks/presentation.html"


class QuestionRecordBlock(blocks.StructBlock):
    """One discussion question and what the groups raised under it, never attributed."""

    number = blocks.IntegerBlock(label=_("Number"), min_value=0, max_value=32767)
    question = blocks.CharBlock(label=_("Question"), max_length=1000)
    sub_questions = blocks.ListBlock(blocks.CharBlock(max_length=500), label=_("Sub-questions"), default=[])
    takeaways = blocks.ListBlock(
        blocks.RichTextBlock(features=POINT_FEATURES), label=_("Takeaways"), default=[]
    )
    points = blocks.ListBlock(
        blocks.RichTextBlock(features=POINT_FEATURES), label=_("Points raised"), default=[]
    )

    class Meta:
        icon = "list-ul"
        label = _("Discussion question")
        template = "blocks/question_record.html"


class MinutesBodyBlock(BodyBlock):
    presentation = PresentationBlock()
    question_record = QuestionRecordBlock()

    class Meta:
        template = "blocks/body.html"

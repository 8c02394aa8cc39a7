"""The minutes' own blocks: what the compile step fills in, and staff then edit like any content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.blocks import BodyBlock

POINT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# The blocks' limits below, which compiling clips text to (minutes/services/compile.py, open_input).
QUESTION_MAX = 1000
SUB_QUESTION_MAX = 500
PRESENTERS_MAX = 500


class PresentationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    presenters = blocks.CharBlock(label=_("Presented by"), max_length=PRESENTERS_MAX, required=False)
    summary = blocks.RichTextBlock(label=_("Summary"), features=POINT_FEATURES, required=False)

    class Meta:
        icon = "media"
        label = _("Presentation")
        template = "blocks/presentation.html"


class QuestionRecordBlock(blocks.StructBlock):
    """One discussion question and what the groups raised under it, never attributed.

    Its takeaways are not stored here: the page's `Takeaway` rows with this question's number are the
    one record of them, shown under the question by the block's template (from the page's context)."""

    number = blocks.IntegerBlock(label=_("Number"), min_value=0, max_value=32767)
    question = blocks.CharBlock(label=_("Question"), max_length=QUESTION_MAX)
    sub_questions = blocks.ListBlock(
        blocks.CharBlock(max_length=SUB_QUESTION_MAX), label=_("Sub-questions"), default=[]
    )
    points = blocks.ListBlock(
        blocks.RichTextBlock(features=POINT_FEATURES), label=_("Points raised"), default=[]
    )

    class Meta:
        icon = "list-ul"
        label = _("Discussion question")
        template = "blocks/question_record.html"


class AgeBandCountBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Age band"), max_length=100)
    count = blocks.IntegerBlock(label=_("Number of people"), min_value=0)


class OpenInputQuestionBlock(blocks.StructBlock):
    """The approved open-input answers to one question (no number: the general answers)."""

    question_number = blocks.IntegerBlock(label=_("Number"), min_value=0, max_value=32767, required=False)
    question = blocks.CharBlock(label=_("Question"), max_length=QUESTION_MAX)
    answers = blocks.ListBlock(blocks.RichTextBlock(features=POINT_FEATURES), label=_("Answers"), default=[])


class OpenInputBlock(blocks.StructBlock):
    """Open input (öppet inspel): counts and the approved answers, never who sent them."""

    answer_count = blocks.IntegerBlock(label=_("Answers published"), min_value=0)
    respondent_count = blocks.IntegerBlock(label=_("People who sent them"), min_value=0)
    age_bands = blocks.ListBlock(AgeBandCountBlock(), label=_("Age bands"), default=[])
    questions = blocks.ListBlock(OpenInputQuestionBlock(), label=_("Answers by question"), default=[])

    class Meta:
        icon = "comment"
        label = _("Open input")
        template = "blocks/open_input.html"


class MinutesBodyBlock(BodyBlock):
    presentation = PresentationBlock()
    question_record = QuestionRecordBlock()
    open_input = OpenInputBlock()

    class Meta:
        template = "blocks/body.html"

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from public_cache.declarations import affects_public_pages
from sakrad.easy_read import EasyReadMixin, EasyReadVersion, easy_read_field, has_text

from ..admin_forms import ConsultationPageForm
from ..blocks import AgendaItemBlock, BodyBlock, RecordingBlock, SignLanguageVideoBlock
from ..extensions import page_context, published_minutes_pages
from ..selectors import consultation_page_details
from ..status import ConsultationStatus, status_for
from ..validation import DUPLICATE_QUESTION_NUMBERS
from .queryset import ConsultationPageManager


class EventKind(models.TextChoices):
    CONSULTATION = "consultation", _("Consultation (sakråd)")
    CONFERENCE = "conference", _("Conference")


EASY_READ_OPEN_INPUT_PREVIEW = "easy_read_open_input"
OPEN_INPUT_SECTION = _("Open input")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")
    DIGITAL = "digital", _("Digital")


@affects_public_pages
class ConsultationPage(EasyReadMixin, Page):
    """One consultation or one larger event such as a national conference: the same page type."""

    kind = models.CharField(
        _("kind of event"), max_length=20, choices=EventKind.choices, default=EventKind.CONSULTATION
    )
    themes = ParentalManyToManyField("consultations.Theme", verbose_name=_("themes"), blank=True)
    ministry = models.CharField(_("organising ministry"), max_length=255)
    unit = models.CharField(_("organising unit"), max_length=255, blank=True)
    host = models.ForeignKey(
        "organisations.Person",
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_consultations",
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)
    recordings = StreamField(
        [("recording", RecordingBlock()), ("sign_language_video", SignLanguageVideoBlock())],
        verbose_name=_("recordings"),
        blank=True,
        help_text=_("Recorded parts, linked after the event, and videos in sign language."),
    )
    # The open-input form (open_input/) has no page of its own: its easy-to-read version is kept here,
    # so it is reviewed and published with the consultation.
    easy_read_open_input = easy_read_field(_("easy-to-read version of the open-input form"))
    press_contact = models.ForeignKey(
        "organisations.Person",
        verbose_name=_("press contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    capacity = models.PositiveIntegerField(_("total capacity"), null=True, blank=True)
    seats_per_organisation = models.PositiveSmallIntegerField(_("seats per organisation"), default=2)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    rsvp_deadline = models.DateTimeField(_("RSVP deadline"), null=True, blank=True)
    # What earlier consultations on the theme said that is still unanswered: listed on this page, and
    # the earlier minutes link here ("taken up again").
    carried_takeaways = ParentalManyToManyField(
        "minutes.Takeaway",
        verbose_name=_("takeaways carried over"),
        blank=True,
        related_name="carried_into",
    )

    objects = ConsultationPageManager()
    base_form_class = ConsultationPageForm

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = ["minutes.MinutesPage"]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("ministry"),
        index.FilterField("date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        *EasyReadMixin.easy_read_search_fields,
        index.SearchField("easy_read_open_input"),
    ]
    easy_read_panels = [*EasyReadMixin.easy_read_panels, FieldPanel("easy_read_open_input")]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        # Boxes, not a Ctrl-click list: one stray click there cleared every other choice.
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("ministry"), FieldPanel("unit"), FieldPanel("host")],
            heading=_("Organiser"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_link"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
        InlinePanel("questions", heading=_("Discussion questions"), label=_("Discussion question")),
        FieldPanel(
            "carried_takeaways",
            heading=_("Carried over from earlier consultations"),
            widget=forms.CheckboxSelectMultiple,
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("seats_per_organisation"),
                FieldPanel("registration_opens"),
                FieldPanel("rsvp_deadline"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("recordings"),
        FieldPanel("press_contact"),
    ]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def _stream_errors(self) -> dict:
        # The admin form validates blocks, but Page.save() does not: an import through the ORM
        # could otherwise store a javascript: URL that a template renders as a link.
        errors = {}
        for name in ("body", "agenda", "recordings"):
            value = getattr(self, name)
            try:
                value.stream_block.clean(value)
            except ValidationError as error:
                errors[name] = error
        return errors

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if self.format != EventFormat.IN_PERSON and not self.online_link:
            errors["online_link"] = _("A hybrid or digital event needs an online link.")
        if self.format != EventFormat.DIGITAL and not self.venue_address:
            errors["venue_address"] = _("An event in a room needs a venue address.")
        if self.rsvp_deadline and self.date and timezone.localdate(self.rsvp_deadline) > self.date:
            errors["rsvp_deadline"] = _("The RSVP deadline must be on or before the day.")
        if self.registration_opens and self.rsvp_deadline and self.registration_opens >= self.rsvp_deadline:
            errors["registration_opens"] = _("Registration must open before the RSVP deadline.")
        numbers = [question.number for question in self.questions.all()]
        if len(numbers) != len(set(numbers)):
            errors["title"] = DUPLICATE_QUESTION_NUMBERS
        errors.update(self._stream_errors())
        if errors:
            raise ValidationError(errors)

    @property
    def preview_modes(self):
        return [*super().preview_modes, (EASY_READ_OPEN_INPUT_PREVIEW, _("Easy-to-read Swedish: open input"))]

    def serve_preview(self, request, mode_name):
        if mode_name == EASY_READ_OPEN_INPUT_PREVIEW:
            return self.easy_read_response(request, self.easy_read_open_input_version())
        return super().serve_preview(request, mode_name)

    @property
    def has_easy_read_open_input(self) -> bool:
        return has_text(self.easy_read_open_input)

    def easy_read_open_input_version(self, *, form_url: str = "") -> EasyReadVersion:
        return EasyReadVersion(
            title=self.title,
            body=self.easy_read_open_input,
            original_url=form_url,
            section=OPEN_INPUT_SECTION,
        )

    @property
    def starts_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.date, self.end_time))

    @cached_property
    def published_minutes(self):
        pages = published_minutes_pages()
        return None if pages is None else pages.child_of(self).first()

    @property
    def status(self) -> ConsultationStatus:
        computed = getattr(self, "computed_status", None)
        if computed:
            return ConsultationStatus(computed)
        has_minutes = getattr(self, "has_published_minutes", None)
        if has_minutes is None:
            has_minutes = self.published_minutes is not None
        return status_for(
            date=self.date,
            end_time=self.end_time,
            registration_opens=self.registration_opens,
            rsvp_deadline=self.rsvp_deadline,
            has_published_minutes=has_minutes,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_page_details(page=self))
        context.update(page_context(consultation=self))  # what apps above add (extensions.py): carry-over
        return context


@affects_public_pages
class ConsultationSpeaker(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "organisations.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(
        _("role at the event"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'Opens the meeting' or 'Keynote'."),
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")


@affects_public_pages
class DiscussionQuestion(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("question"))
    sub_questions = StreamField(
        [("sub_question", blocks.CharBlock(label=_("Sub-question"), max_length=500))],
        verbose_name=_("sub-questions"),
        blank=True,
    )

    panels = [FieldPanel("number"), FieldPanel("text"), FieldPanel("sub_questions")]

    class Meta(Orderable.Meta):
        # Questions made in code (demo, tests) have no sort order: their number decides, the same on
        # every database (PostgreSQL returned ties in any order).
        ordering = ["sort_order", "number", "pk"]
        verbose_name = _("discussion question")
        verbose_name_plural = _("discussion questions")

    def __str__(self):
        return f"{self.number}. {self.text}"

    @property
    def sub_question_texts(self) -> list[str]:
        return [block.value for block in self.sub_questions]

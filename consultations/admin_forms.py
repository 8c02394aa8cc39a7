from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sakrad.page_forms import AsciiSlugPageForm

from .validation import DUPLICATE_QUESTION_NUMBERS

CARRY_OVER_HELP = gettext_lazy(
    "Takeaways not yet answered in the published minutes of earlier consultations on the same themes. "
    "Those you tick are listed on this consultation's page, and the earlier minutes link here once "
    "this consultation is published."
)
CARRY_OVER_NO_THEMES = gettext_lazy(
    "Choose the themes and save a draft: the takeaways not yet answered from earlier consultations "
    "on those themes are then offered here."
)


def takeaway_label(takeaway) -> str:
    """The consultation it comes from, its question and its text, so staff can tell them apart."""
    values = {
        "consultation": takeaway.consultation_title or "",
        "date": date_format(takeaway.consultation_date) if takeaway.consultation_date else "",
        "number": takeaway.question_number,
        "text": takeaway.text[:200],
        "status": takeaway.get_status_display(),
    }
    if takeaway.question_number:
        return _("%(consultation)s, %(date)s — question %(number)s: %(text)s (%(status)s)") % values
    return _("%(consultation)s, %(date)s: %(text)s (%(status)s)") % values


class ConsultationPageForm(AsciiSlugPageForm):
    """The admin form validates the page before its question rows are attached to it, so the
    rule that question numbers are unique is checked here, on the submitted rows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("carried_takeaways")
        if field is not None:
            from .carry_over import takeaway_choices

            # The offer follows the themes as saved: a theme ticked now counts after saving.
            field.queryset = takeaway_choices(consultation=self.instance)
            field.label_from_instance = takeaway_label
            has_themes = bool(self.instance.pk and self.instance.themes.all())
            field.help_text = CARRY_OVER_HELP if has_themes else CARRY_OVER_NO_THEMES

    def clean(self):
        cleaned_data = super().clean()
        questions = self.formsets.get("questions")
        if questions is not None and questions.is_valid():
            numbers = [
                form.cleaned_data.get("number")
                for form in questions.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            numbers = [number for number in numbers if number is not None]
            if len(numbers) != len(set(numbers)):
                self.add_error(None, DUPLICATE_QUESTION_NUMBERS)
        return cleaned_data

"""What the annual cycle adds to a consultation's screens, which consultations cannot import: carry-over
in its editor (which takeaways to offer, how to name them) and on its public page (what was carried
over). Given through consultations/extensions.py by `carry_over_register`, in CycleConfig.ready()."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations.extensions import editor_field_register, page_context_register
from minutes.carry_over import carried_over_to

from .carry_over import takeaway_choices

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


def carried_takeaways_set_up(*, field, consultation) -> None:
    """The offer follows the themes as saved: a theme ticked now counts after saving."""
    field.queryset = takeaway_choices(consultation=consultation)
    field.label_from_instance = takeaway_label
    has_themes = bool(consultation.pk and consultation.themes.all())
    field.help_text = CARRY_OVER_HELP if has_themes else CARRY_OVER_NO_THEMES


def carry_over_register() -> None:
    editor_field_register(name="carried_takeaways", setup=carried_takeaways_set_up)
    page_context_register(name="carried_over", provider=carried_over_to)

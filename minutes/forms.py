"""Forms of the minutes' follow-up screen: they only parse input; the rules are the services'."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FollowUp, Takeaway
from .models.takeaway import TakeawayStatus


def takeaway_label(takeaway) -> str:
    number = getattr(takeaway, "number", None)
    return f"{number}. {takeaway.text}" if number else takeaway.text


class TakeawayStatusForm(forms.Form):
    """One status choice per takeaway of the minutes, named by the takeaway's id."""

    def __init__(self, *args, takeaways, **kwargs):
        super().__init__(*args, **kwargs)
        self.takeaways = takeaways
        for takeaway in takeaways:
            self.fields[f"status-{takeaway.pk}"] = forms.ChoiceField(
                label=takeaway_label(takeaway),
                choices=TakeawayStatus.choices,
                initial=takeaway.status,
            )

    def rows(self):
        """(takeaway, its bound field) in the minutes' order, for the template."""
        return [(takeaway, self[f"status-{takeaway.pk}"]) for takeaway in self.takeaways]

    def statuses(self) -> dict[int, str]:
        return {takeaway.pk: self.cleaned_data[f"status-{takeaway.pk}"] for takeaway in self.takeaways}


class FollowUpForm(forms.ModelForm):
    """Date, what was done (the admin's rich-text editor) and the takeaways it answers."""

    answers_status = forms.ChoiceField(
        label=_("Mark the takeaways it answers as"),
        choices=[
            (TakeawayStatus.ANSWERED, TakeawayStatus.ANSWERED.label),
            (TakeawayStatus.IN_PROGRESS, TakeawayStatus.IN_PROGRESS.label),
        ],
        initial=TakeawayStatus.ANSWERED,
        help_text=_(
            "In progress: the follow-up tells how far the work has come; the answer is still to come."
        ),
    )

    class Meta:
        model = FollowUp
        fields = ["date", "text", "answers"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "answers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, takeaways, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["answers"]
        ids = [takeaway.pk for takeaway in takeaways]
        field.queryset = Takeaway.objects.filter(pk__in=ids).order_by("sort_order", "pk")
        numbers = {takeaway.pk: getattr(takeaway, "number", None) for takeaway in takeaways}

        def label(takeaway):
            takeaway.number = numbers.get(takeaway.pk)
            return takeaway_label(takeaway)

        field.label_from_instance = label

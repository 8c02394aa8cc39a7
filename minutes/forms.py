"""Forms of the minutes' follow-up screen: they only parse input; the rules are the services'."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FollowUp, Takeaway
from .models.follow_up import FollowUpKind
from .models.takeaway import TakeawayStatus


def takeaway_label(takeaway) -> str:
    number = getattr(takeaway, "number", None)
    return f"{number}. {takeaway.text}" if number else takeaway.text


class TakeawayStatusForm(forms.Form):
    """One status choice and one responsible unit per takeaway of the minutes, named by its id."""

    def __init__(self, *args, takeaways, **kwargs):
        super().__init__(*args, **kwargs)
        self.takeaways = takeaways
        for takeaway in takeaways:
            self.fields[f"status-{takeaway.pk}"] = forms.ChoiceField(
                label=takeaway_label(takeaway),
                choices=TakeawayStatus.choices,
                initial=takeaway.status,
            )
            self.fields[f"unit-{takeaway.pk}"] = forms.CharField(
                label=_("Responsible unit"),
                required=False,
                max_length=Takeaway._meta.get_field("responsible_unit").max_length,
                initial=takeaway.responsible_unit,
                help_text=_("Leave empty for the consultation's unit."),
            )

    def rows(self):
        """(takeaway, its status field, its unit field) in the minutes' order, for the template."""
        return [
            (takeaway, self[f"status-{takeaway.pk}"], self[f"unit-{takeaway.pk}"])
            for takeaway in self.takeaways
        ]

    def statuses(self) -> dict[int, str]:
        return {takeaway.pk: self.cleaned_data[f"status-{takeaway.pk}"] for takeaway in self.takeaways}

    def units(self) -> dict[int, str]:
        """Only the units the form sent: a form from before the field existed leaves them as they are."""
        return {
            takeaway.pk: self.cleaned_data[f"unit-{takeaway.pk}"]
            for takeaway in self.takeaways
            if f"unit-{takeaway.pk}" in self.data
        }


class FollowUpForm(forms.ModelForm):
    """Date, what was done (the admin's rich-text editor), what kind of answer it is with a link to
    it, and the takeaways it answers."""

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

    link = forms.URLField(
        label=FollowUp._meta.get_field("link").verbose_name,
        max_length=FollowUp._meta.get_field("link").max_length,
        required=False,
        assume_scheme="https",
        help_text=_("Where the public reads the decision or report itself; shown in the register."),
    )

    class Meta:
        model = FollowUp
        fields = ["date", "kind", "text", "link", "answers"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "answers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, takeaways, **kwargs):
        super().__init__(*args, **kwargs)
        # A form from before the kind existed (or a script posting one) still validates: a follow-up.
        self.fields["kind"].required = False
        field = self.fields["answers"]
        ids = [takeaway.pk for takeaway in takeaways]
        field.queryset = Takeaway.objects.filter(pk__in=ids).order_by("sort_order", "pk")
        numbers = {takeaway.pk: getattr(takeaway, "number", None) for takeaway in takeaways}

        def label(takeaway):
            takeaway.number = numbers.get(takeaway.pk)
            return takeaway_label(takeaway)

        field.label_from_instance = label

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or FollowUpKind.FOLLOW_UP

"""The RSVP forms. They check input and place each error by its field; the services hold the rules."""

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .choices import AccessNeed
from .services import AttendeeData
from .services.attendees import NEEDS_TEXT_MAX


class NonceForm(forms.Form):
    # Rendered fresh with every page (a GET stores nothing); the service stores the last one used, so
    # the same form submitted twice is one answer.
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)


class AttendeeForm(forms.Form):
    """One person. Every field is optional so that a row left (or made) empty simply means no one."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        error_messages={"invalid": _("Enter a valid email address, like name@example.org.")},
    )
    # Asked as what to arrange, never why (docs/privacy.md: special categories are optional and minimal).
    access_needs = forms.MultipleChoiceField(
        label=_("What the person needs to take part"),
        help_text=_(
            "Optional. Tick what we should arrange; there is no need to say why. Only the organisers "
            "see it, and it is erased after the consultation."
        ),
        choices=AccessNeed.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    access_needs_other = forms.CharField(
        label=_("Anything else the person needs"),
        max_length=NEEDS_TEXT_MAX,
        required=False,
        help_text=_("Optional. For example a seat near the exit, or breaks at set times."),
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        max_length=NEEDS_TEXT_MAX,
        required=False,
        help_text=_("For example vegetarian, or allergies."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.initial.get("email_from_invitation"):
            # WCAG 2.2, 3.3.7: the address the invitation went to is given, not asked again; and said so.
            self.fields["email"].help_text = _(
                "Filled in with the address the invitation was sent to. Change it if someone else is coming."
            )

    def clean(self):
        data = super().clean()
        if self.is_blank():
            return data
        if not data.get("name") and "name" not in self.errors:
            self.add_error("name", _("Enter the person's name, or empty the whole row."))
        if not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter the person's email address, or empty the whole row."))
        return data

    def is_blank(self) -> bool:
        values = [
            self.data.get(self.add_prefix(name), "")
            for name in ("name", "email", "access_needs_other", "dietary_needs")
        ]
        return not any(value.strip() for value in values) and not self.data.getlist(
            self.add_prefix("access_needs")
        )

    def attendee(self) -> AttendeeData:
        data = self.cleaned_data
        return AttendeeData(
            name=data["name"],
            email=data["email"],
            access_needs=tuple(data.get("access_needs") or ()),
            access_needs_other=data.get("access_needs_other", ""),
            dietary_needs=data.get("dietary_needs", ""),
        )


class BaseAttendeeFormSet(BaseFormSet):
    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "Your organisation can name at most %(num)d attendee.",
            "Your organisation can name at most %(num)d attendees.",
            "num",
        ),
    }

    def __init__(self, *args, invitation, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)

    def filled_forms(self) -> list[AttendeeForm]:
        return [form for form in self.forms if form.is_bound and not form.is_blank()]

    def clean(self):
        if any(self.errors):
            return
        filled = self.filled_forms()
        if not filled:
            raise forms.ValidationError(
                _("Name at least one attendee, or decline the invitation."), code="empty"
            )
        by_email = {}
        for form in filled:
            email = form.cleaned_data["email"].lower()
            if email in by_email:
                form.add_error(
                    "email", _("This person is already named above: each person can be named once.")
                )
            by_email.setdefault(email, form)
        # Only what the form itself shows is checked here. Whether an address is someone else's (an
        # account, another organisation's attendee) is never a form error: that would tell a link
        # holder about addresses they type. The service holds such people instead (services/holds.py).

    def attendees(self) -> list[AttendeeData]:
        return [form.attendee() for form in self.filled_forms()]


def attendee_formset_class(*, seats: int):
    # One row per seat; the count of rows is the organisation's quota, so no row can be added beyond it.
    return formset_factory(
        AttendeeForm,
        formset=BaseAttendeeFormSet,
        extra=0,
        min_num=seats,
        max_num=seats,
        absolute_max=seats,
        validate_max=True,
    )


class DeclineForm(NonceForm):
    comment = forms.CharField(
        label=_("Comment (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_("For example why you cannot come, or who would be better placed to take part."),
    )

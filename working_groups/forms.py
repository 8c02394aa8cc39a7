"""The forms of the draft page and the staff view; they only parse input, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, RESOLUTION_NOTE_MAX_LENGTH
from .services import WorkingGroupError

HELP = _("At most %(limit)d characters. The working group and the organisers see it.")
TOO_LONG = _("Write at most %(limit_value)d characters (you wrote %(show_value)d).")

# Which field a refusal from a service belongs to; others go above the form.
ERROR_FIELDS = {
    WorkingGroupError.EMPTY: "text",
    WorkingGroupError.TOO_LONG: "text",
    WorkingGroupError.NO_ACCOUNT: "email",
    WorkingGroupError.STAFF_ACCOUNT: "email",
    WorkingGroupError.ALREADY_MEMBER: "email",
}


def add_service_error(form, error: WorkingGroupError) -> None:
    field = ERROR_FIELDS.get(error.code)
    form.add_error(field if field in form.fields else None, error)


class CommentForm(forms.Form):
    number = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        error_messages={"required": _("Write a comment before you send it."), "max_length": TOO_LONG},
    )

    def __init__(self, *args, number: int, **kwargs):
        # One form per question on the page: ids must differ so each label points at its own box.
        super().__init__(*args, auto_id=f"id_question_{number}_%s", initial={"number": number}, **kwargs)
        self.fields["text"].label = _("Your comment on question %(number)s") % {"number": number}
        self.fields["text"].help_text = HELP % {"limit": COMMENT_MAX_LENGTH}


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the account"),
        help_text=_("The person must already have an account on the site."),
    )


class ResolveForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=RESOLUTION_NOTE_MAX_LENGTH,
        error_messages={"max_length": TOO_LONG},
    )

"""The organisation's RSVP page, reached by the link in the invitation email; no account needed.

A GET only reads (mail scanners open links); only a submitted form changes anything, and always
through the services, which check the token again under a lock.
"""

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from .forms import DeclineForm, NonceForm, attendee_formset_class
from .models import InvitationStatus
from .permissions import TokenState, rsvp_closes_at, token_state
from .selectors import attendees_of, held_attendees_of, invitation_for_token, seats_left, waitlist_position
from .services import RsvpRefused, rsvp_accept, rsvp_decline

REFUSED_STATUS = {TokenState.UNKNOWN: 404, TokenState.REVOKED: 410, TokenState.EXPIRED: 410}


def refused(request, *, state: TokenState, invitation=None):
    """A clear page for a link that cannot answer, with what to do instead. Nothing was changed."""
    # Only a link that was once valid says which consultation it was for; a forged one learns nothing.
    context = {"state": state.value, "invitation": invitation if state != TokenState.UNKNOWN else None}
    return render(request, "invitations/rsvp_refused.html", context, status=REFUSED_STATUS[state])


def outcome_message(invitation) -> str:
    if invitation.status == InvitationStatus.ACCEPTED:
        return _(
            "Thank you! Your answer is saved: your organisation is registered. Each attendee gets an "
            "email with how to log in."
        )
    if invitation.status == InvitationStatus.WAITLISTED:
        return _(
            "Your answer is saved. The consultation is full, so your organisation is on the waiting list. "
            "We will email you if seats become free."
        )
    return _("Your answer is saved: you have declined the invitation. Thank you for letting us know.")


def held_message(held) -> str:
    """The one answer for a person the link may not add, whatever the reason (a staff account,
    another organisation's account or attendee): it must not tell the link holder which, nor
    anything else about the address. The organisers see the reason and get in touch."""
    return _(
        "We could not add %(name)s (%(email)s) from this link. The organisers have been told and will "
        "contact you."
    ) % {"name": held.name, "email": held.email}


@method_decorator(never_cache, name="dispatch")
class RsvpView(View):
    http_method_names = ["get", "head", "post"]  # scanners and link previews use HEAD: a read too

    def get(self, request, token):
        invitation = invitation_for_token(token=token)
        state = token_state(invitation=invitation)
        if state != TokenState.VALID:
            return refused(request, state=state, invitation=invitation)
        return self.page(request, invitation=invitation)

    def post(self, request, token):
        invitation = invitation_for_token(token=token)
        state = token_state(invitation=invitation)
        if state != TokenState.VALID:
            return refused(request, state=state, invitation=invitation)
        answer = request.POST.get("answer")
        if answer not in ("accept", "decline"):
            return HttpResponseBadRequest(_("Choose whether to accept or decline."))
        formset_class = attendee_formset_class(seats=invitation.consultation.seats_per_organisation)
        formset = formset_class(
            request.POST if answer == "accept" else None,
            invitation=invitation,
            prefix="attendees",
            initial=self.initial_attendees(invitation),
        )
        nonce_form = NonceForm(request.POST if answer == "accept" else None, prefix="accept")
        decline_form = DeclineForm(
            request.POST if answer == "decline" else None,
            prefix="decline",
            initial={"comment": invitation.decline_comment},
        )
        try:
            if answer == "accept" and formset.is_valid() and nonce_form.is_valid():
                outcome = rsvp_accept(
                    token=token, attendees=formset.attendees(), nonce=nonce_form.cleaned_data["nonce"]
                )
            elif answer == "decline" and decline_form.is_valid():
                outcome = rsvp_decline(
                    token=token,
                    comment=decline_form.cleaned_data["comment"],
                    nonce=decline_form.cleaned_data["nonce"],
                )
            else:
                outcome = None
        except RsvpRefused as error:
            return refused(request, state=error.state, invitation=invitation)
        except ValidationError as error:  # a rule the forms could not see, e.g. seats taken meanwhile
            outcome, answer_errors = None, error.messages
        else:
            answer_errors = []
        if outcome is None:
            return self.page(
                request,
                invitation=invitation,
                formset=formset,
                decline_form=decline_form,
                status=400,
                answer=answer,
                answer_errors=answer_errors,
            )
        if outcome.duplicate:
            messages.warning(
                request,
                _(
                    "This form had already been sent once, so it was not stored again. "
                    "Your current answer is shown below; change it there if needed."
                ),
            )
        else:
            messages.success(request, outcome_message(outcome.invitation))
        for held in outcome.held:
            messages.warning(request, held_message(held))
        return HttpResponseRedirect(request.path)

    @staticmethod
    def initial_attendees(invitation) -> list[dict]:
        """The form as last answered, so that changing an answer asks nothing again (WCAG 2.2, 3.3.7);
        before anyone is named, the first row holds the address the invitation was sent to."""
        rows = [
            {
                "name": a.name,
                "email": a.email,
                "access_needs": a.access_needs,
                "access_needs_other": a.access_needs_other,
                "dietary_needs": a.dietary_needs,
            }
            for a in attendees_of(invitation=invitation)
        ]
        addresses = invitation.organisation.contact_email_list
        if rows or not addresses:
            return rows
        return [{"email": addresses[0], "email_from_invitation": True}]

    def page(
        self, request, *, invitation, formset=None, decline_form=None, status=200, answer="", answer_errors=()
    ):
        consultation = invitation.consultation
        nonce = secrets.token_urlsafe(24)
        if formset is None:
            formset = attendee_formset_class(seats=consultation.seats_per_organisation)(
                invitation=invitation, prefix="attendees", initial=self.initial_attendees(invitation)
            )
        if decline_form is None:
            decline_form = DeclineForm(prefix="decline", initial={"comment": invitation.decline_comment})
        context = {
            "invitation": invitation,
            "consultation": consultation,
            "organisation": invitation.organisation,
            "attendees": attendees_of(invitation=invitation),
            "held_attendees": held_attendees_of(invitation=invitation),
            "deadline": rsvp_closes_at(consultation=consultation),
            "waitlist_position": waitlist_position(invitation=invitation),
            "seats_left": seats_left(consultation=consultation, exclude=invitation),
            "formset": formset,
            "decline_form": decline_form,
            "nonce": nonce,
            "answer": answer,
            "answer_errors": answer_errors,
            "statuses": InvitationStatus,
            "has_errors": status == 400,  # "Error:" leads the page title, the first thing read out
        }
        return render(request, "invitations/rsvp.html", context, status=status)

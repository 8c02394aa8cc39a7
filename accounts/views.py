"""The participant's own page (/mina-sidor/): their consultations, their answer, their
groups, the drafts they review in a working group and the minutes they are asked to check."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from corrections.selectors import rounds_for_attendee
from invitations.models import InvitationStatus
from working_groups.selectors import drafts_for_member

from .selectors import my_consultations


@never_cache  # personal: never kept by a shared cache or the browser's back button after logout
@login_required
def my_page(request):
    context = {
        "entries": my_consultations(user=request.user),
        "statuses": InvitationStatus,
        "review_drafts": drafts_for_member(request.user),
        "correction_rounds": rounds_for_attendee(user=request.user),
    }
    return render(request, "accounts/my_page.html", context)

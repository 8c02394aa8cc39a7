"""The participant's own page (/mina-sidor/): their consultations, their answer, their groups."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from invitations.models import InvitationStatus

from .selectors import my_consultations


@never_cache  # personal: never kept by a shared cache or the browser's back button after logout
@login_required
def my_page(request):
    context = {"entries": my_consultations(user=request.user), "statuses": InvitationStatus}
    return render(request, "accounts/my_page.html", context)

"""The participant's own page (/mina-sidor/): their consultations, their answer, their
groups, the drafts they review in a working group and the minutes they are asked to check."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from working_groups.selectors import drafts_for_member

from .selectors import my_consultations


@never_cache  # personal: never kept by a shared cache or the browser's back button after logout
@login_required
def my_page(request):
    consultations = my_consultations(user=request.user)
    context = {
        "consultations": consultations,
        "review_drafts": drafts_for_member(request.user),
        # Reviews open now, at the top: each is a task with a deadline (also shown under its consultation).
        "correction_rounds": consultations.correction_rounds,
    }
    return render(request, "accounts/my_page.html", context)

"""The participant's own page (/mina-sidor/): the sections the features register (accounts/my_page.py:
their consultations, their answer, their groups, the drafts they review in a working group and the
minutes they are asked to check), then their account."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .my_page import my_page_sections


@never_cache  # personal: never kept by a shared cache or the browser's back button after logout
@login_required
def my_page(request):
    return render(request, "account/my_page.html", {"sections": my_page_sections(user=request.user)})

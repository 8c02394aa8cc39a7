"""/granska/<minutes id>/: an attendee reads the draft minutes and suggests corrections, passage by passage.

Only attendees of the consultation (and staff who may edit it) see the page; anyone else gets a 404,
so no one learns that draft minutes exist. A failed suggestion re-renders the page with status 400.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from .forms import SuggestionForm
from .permissions import can_manage_corrections, is_attendee
from .selectors import review_of, round_for_review, suggestions_of_author
from .services import CorrectionError, correction_suggest


@method_decorator([never_cache, login_required], name="dispatch")
class ReviewView(View):
    http_method_names = ["get", "head", "post"]

    def dispatch(self, request, *args, **kwargs):
        self.round = round_for_review(minutes_id=kwargs["minutes_id"])
        if self.round is None:
            raise Http404
        self.attendee = is_attendee(user=request.user, consultation_id=self.round.consultation_id)
        if not self.attendee and not can_manage_corrections(
            user=request.user, consultation=self.round.consultation
        ):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, minutes_id):
        return self.page(request)

    def post(self, request, minutes_id):
        review = review_of(round=self.round)
        key = request.POST.get("passage", "")
        number, passage = next(
            ((n, p) for n, p in enumerate(review.passages, start=1) if p.key == key), (0, None)
        )
        if passage is None:
            return self.page(request, review=review, errors=[_("Choose a passage of the draft to correct.")])
        form = SuggestionForm(request.POST, passage=passage, number=number)
        if form.is_valid():
            try:
                correction_suggest(
                    minutes=self.round.minutes,
                    user=request.user,
                    passage_key=key,
                    text=form.cleaned_data["text"],
                )
            except CorrectionError as error:
                form.add_error("text" if error.code in TEXT_ERRORS else None, error)
            else:
                messages.success(request, _("Thank you! Your correction has been sent to the organisers."))
                return redirect(request.path)
        return self.page(request, review=review, bound=form)

    def page(self, request, *, review=None, bound=None, errors=()):
        review = review or review_of(round=self.round)
        forms = []
        if review.is_open and self.attendee:
            for number, passage in enumerate(review.passages, start=1):
                if bound is not None and bound.passage.key == passage.key:
                    forms.append(bound)
                else:
                    forms.append(SuggestionForm(passage=passage, number=number))
        context = {
            "review": review,
            "round": self.round,
            "consultation": self.round.consultation,
            "entries": list(zip(review.passages, forms or [None] * len(review.passages), strict=True)),
            "bound": bound,
            "errors": list(errors),
            "can_suggest": review.is_open and self.attendee,
            "my_suggestions": suggestions_of_author(round=self.round, user=request.user)
            if self.attendee
            else [],
        }
        has_errors = bool(errors) or bool(bound is not None and bound.errors)
        return render(request, "corrections/review.html", context, status=400 if has_errors else 200)


TEXT_ERRORS = {CorrectionError.EMPTY, CorrectionError.TOO_LONG, CorrectionError.UNCHANGED}

"""Reads for the public minutes page and its PDF, in a fixed number of queries whatever the number of
points, takeaways, follow-ups or organisations."""

from django.db.models import Prefetch

from .models.follow_up import FollowUp
from .models.takeaway import Takeaway


def minutes_page_details(*, page) -> dict:
    """Everything the minutes page and its PDF show besides the page's own fields.

    Organisations are names only: never contact details, never who spoke for which one.
    """
    from consultations.carry_over import carried_over_to, taken_up_again

    consultation = page.get_parent().specific
    takeaways = list(
        page.takeaways.order_by("sort_order", "pk").only("pk", "page_id", "question_number", "text", "status")
    )
    later = taken_up_again(minutes=page)
    for takeaway in takeaways:
        takeaway.taken_up_in = later.get(takeaway.pk, [])
    numbers = {takeaway.pk: position for position, takeaway in enumerate(takeaways, start=1)}
    follow_ups = list(
        page.follow_ups.order_by("-date", "sort_order", "pk").prefetch_related(
            Prefetch("answers", queryset=Takeaway.objects.order_by("sort_order", "pk").only("pk", "text"))
        )
    )
    for follow_up in follow_ups:
        follow_up.answered = [(numbers.get(takeaway.pk), takeaway) for takeaway in follow_up.answers.all()]
    return {
        "consultation": consultation,
        "held_on": page.held_on or getattr(consultation, "date", None),
        "organisation_names": list(
            page.participating_organisations.order_by("name").values_list("name", flat=True)
        ),
        "takeaways": [(numbers[takeaway.pk], takeaway) for takeaway in takeaways],
        "follow_ups": follow_ups,
        # The link back: what this consultation carried over from earlier minutes on its theme.
        "carried_over": carried_over_to(consultation=consultation),
    }


def follow_up_anchor(follow_up: FollowUp) -> str:
    return f"uppfoljning-{follow_up.pk}"

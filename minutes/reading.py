"""Reads for the public minutes page and its PDF, in a fixed number of queries whatever the number of
points, takeaways, follow-ups or organisations."""

from django.db.models import Prefetch

from .carry_over import carried_over_to, taken_up_again
from .models.follow_up import FollowUp
from .models.takeaway import Takeaway

OTHER_POINTS_NUMBER = 0  # the compile step's record for what was raised under no question


def ordered_takeaways(page) -> list[Takeaway]:
    """The page's takeaways in their order: the published rows, or a revision's (preview, review),
    where a takeaway added in the editor has no id or sort order yet."""
    rows = list(page.takeaways.all())
    return sorted(rows, key=lambda row: (row.sort_order is None, row.sort_order or 0, row.pk or 0))


def takeaways_by_question(numbered) -> dict[int, list]:
    """(number, takeaway) pairs by the question record that shows them: a takeaway raised under no
    question is shown under "Other points raised" (number 0), like the points."""
    grouped: dict[int, list] = {}
    for number, takeaway in numbered:
        key = takeaway.question_number if takeaway.question_number is not None else OTHER_POINTS_NUMBER
        grouped.setdefault(key, []).append((number, takeaway))
    return grouped


def minutes_page_details(*, page) -> dict:
    """Everything the minutes page and its PDF show besides the page's own fields.

    Organisations are names only: never contact details, never who spoke for which one. Each takeaway
    is read once, from its one record, for its question, the list of takeaways and the follow-ups.
    """
    consultation = page.get_parent().specific
    takeaways = ordered_takeaways(page)
    later = taken_up_again(minutes=page)
    for takeaway in takeaways:
        takeaway.taken_up_in = later.get(takeaway.pk, [])
    numbered = list(enumerate(takeaways, start=1))
    numbers = {takeaway.pk: position for position, takeaway in numbered if takeaway.pk is not None}
    follow_ups = list(
        FollowUp.objects.filter(page_id=page.pk)
        .order_by("-date", "sort_order", "pk")
        .prefetch_related(
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
        "takeaways": numbered,
        "takeaways_by_question": takeaways_by_question(numbered),
        "follow_ups": follow_ups,
        # The link back: what this consultation carried over from earlier minutes on its theme.
        "carried_over": carried_over_to(consultation=consultation),
    }


def follow_up_anchor(follow_up: FollowUp) -> str:
    return f"uppfoljning-{follow_up.pk}"

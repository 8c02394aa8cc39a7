"""Reads for the consultation pages, each in a fixed number of queries."""

from organisations.models import Organisation


def consultation_page_details(*, page) -> dict:
    speakers = page.speakers.select_related("person__organisation", "person__photo").order_by("sort_order")
    invited = Organisation.objects.filter(invitations__consultation=page).order_by("kind", "name").distinct()
    return {
        "speakers": list(speakers),
        "questions": list(page.questions.order_by("sort_order", "number")),
        "invited_organisations": list(invited),
        "themes": list(page.themes.all()),
        "minutes_page": page.published_minutes,
    }

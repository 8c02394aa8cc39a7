"""Reads for the consultation pages, each in a fixed number of queries."""

from organisations.models import Organisation


def consultation_page_details(*, page) -> dict:
    speakers = page.speakers.select_related("person__organisation", "person__photo").order_by("sort_order")
    invited = list(
        Organisation.objects.filter(invitations__consultation=page).order_by("kind", "name").distinct()
    )
    return {
        "speakers": list(speakers),
        "questions": list(page.questions.order_by("sort_order", "number")),
        # Named only where the organisation allows it (Organisation.may_be_shown); the rest are counted.
        "invited_organisations": [organisation for organisation in invited if organisation.may_be_shown],
        "invited_unnamed": sum(not organisation.may_be_shown for organisation in invited),
        "themes": list(page.themes.all()),
        "minutes_page": page.published_minutes,
    }

"""The reviews of draft minutes a participant may join, on their own page: listed at the top ("Minutes
to check", templates/corrections/my_page/minutes_to_check.html) and under each consultation
(invitations/my_page.py)."""

from invitations.my_page import MyConsultations, my_consultation_detail_register

from .selectors import rounds_for_attendee


def _open_reviews(*, user, consultations: MyConsultations) -> None:
    """One query: the open reviews, earliest deadline first."""
    rounds = rounds_for_attendee(user=user)
    consultations.correction_rounds = rounds
    by_consultation = {round.consultation_id: round for round in rounds}
    for entry in consultations:
        entry.correction_round = by_consultation.get(entry.consultation.pk)


my_consultation_detail_register(name="correction_rounds", add=_open_reviews)

"""Who is in a working group, and the drafts a person reviews."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..models import QuestionComment, WorkingGroupMember


def author_name(user) -> str:
    """How a comment's author is shown: their name, else their organisation's; never the address."""
    if user is None:
        return _("Former member")
    full = user.get_full_name().strip()
    if full:
        return full
    organisation = getattr(user, "organisation", None)
    return organisation.name if organisation is not None else _("Working group member")


def members_of(*, consultation) -> list[WorkingGroupMember]:
    rows = WorkingGroupMember.objects.filter(consultation_id=consultation.pk)
    return list(rows.select_related("user__organisation").order_by("added_at", "pk"))


def drafts_for_member(user) -> list:
    """The consultations whose draft the user reviews, for their own page; nearest date first."""
    if not (user and user.is_authenticated):
        return []
    rows = WorkingGroupMember.objects.filter(user=user).select_related("consultation")
    return [row.consultation for row in rows.order_by("consultation__date", "consultation__title")]


def open_comment_count(*, consultation) -> int:
    return QuestionComment.objects.filter(consultation_id=consultation.pk, resolved_at__isnull=True).count()


def comments_by_author(*, user) -> list[dict]:
    """The person's own comments, for their data export."""
    rows = QuestionComment.objects.filter(author=user).select_related("consultation").order_by("created_at")
    return [
        {
            "consultation": row.consultation.title,
            "question_number": row.question_number,
            "text": row.text,
            "created_at": row.created_at,
            "resolved_at": row.resolved_at,
        }
        for row in rows
    ]

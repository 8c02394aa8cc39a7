"""Comments on the draft questions: members write them, staff resolve them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..log_actions import COMMENT_ADD, COMMENT_RESOLVE
from ..models import COMMENT_MAX_LENGTH, RESOLUTION_NOTE_MAX_LENGTH, QuestionComment
from ..permissions import can_manage_working_group, can_review_draft
from ..selectors import question_by_number
from .errors import WorkingGroupError


def too_long_error(*, limit: int, length: int) -> WorkingGroupError:
    return WorkingGroupError(
        _("Write at most %(limit_value)d characters (you wrote %(show_value)d)."),
        code=WorkingGroupError.TOO_LONG,
        params={"limit_value": limit, "show_value": length},
    )


@transaction.atomic
def question_comment_add(*, consultation, number: int, text: str, author) -> QuestionComment:
    """Stored as plain text, shown escaped. The question must be one of the latest draft's."""
    if not can_review_draft(user=author, consultation=consultation):
        raise PermissionDenied(_("You may not comment on this draft."))
    text = (text or "").strip()
    if not text:
        raise WorkingGroupError(_("Write a comment before you send it."), code=WorkingGroupError.EMPTY)
    if len(text) > COMMENT_MAX_LENGTH:
        raise too_long_error(limit=COMMENT_MAX_LENGTH, length=len(text))
    question = question_by_number(consultation=consultation, number=number)
    if question is None:
        raise WorkingGroupError(
            _("The draft has no question %(number)s. Reload the page and try again."),
            code=WorkingGroupError.NO_QUESTION,
            params={"number": number},
        )
    comment = QuestionComment.objects.create(
        consultation=consultation,
        question_number=number,
        question_text=question.text,
        revision=consultation.get_latest_revision(),
        author=author,
        text=text,
    )
    # The page history names the question, never the comment's text.
    log(
        instance=consultation,
        action=COMMENT_ADD,
        user=author,
        data={"comment_id": comment.pk, "question_number": number},
    )
    return comment


@transaction.atomic
def question_comment_resolve(*, comment: QuestionComment, user, note: str = "") -> QuestionComment:
    consultation = comment.consultation
    if not can_manage_working_group(user=user, consultation=consultation):
        raise PermissionDenied(_("You may not resolve comments on this draft."))
    comment = QuestionComment.objects.select_for_update().get(pk=comment.pk)
    if comment.is_resolved:
        raise WorkingGroupError(
            _("This comment has been resolved already."), code=WorkingGroupError.ALREADY_RESOLVED
        )
    note = (note or "").strip()
    if len(note) > RESOLUTION_NOTE_MAX_LENGTH:
        raise too_long_error(limit=RESOLUTION_NOTE_MAX_LENGTH, length=len(note))
    comment.resolved_at = timezone.now()
    comment.resolved_by = user
    comment.resolution = note
    comment.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    log(
        instance=consultation,
        action=COMMENT_RESOLVE,
        user=user,
        data={"comment_id": comment.pk, "question_number": comment.question_number},
    )
    return comment

"""The draft consultation as its latest revision holds it: a page that was never published has its
content only there, and a published one may have newer questions there than on the live page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import QuestionComment
from .history import question_histories
from .members import author_name


@dataclass
class DraftQuestion:
    number: int
    text: str
    sub_questions: list[str]
    comments: list = field(default_factory=list)
    history: list = field(default_factory=list)  # QuestionVersion, oldest first; staff only

    @property
    def open_comments(self) -> list:
        return [comment for comment in self.comments if not comment.is_resolved]

    @property
    def resolved_comments(self) -> list:
        return [comment for comment in self.comments if comment.is_resolved]


class Visibility:
    """Who can read the consultation the working group comments on, so its page says what is true."""

    DRAFT = "draft"  # never published (or unpublished): the working group and the organisers only
    PUBLIC = "public"  # published for anyone, and this is what is published
    PUBLIC_WITH_CHANGES = "public_with_changes"  # published, with changes here not published yet
    RESTRICTED = "restricted"  # published, but behind a view restriction (its own or an ancestor's)


def visibility_of(consultation) -> str:
    """One query for a live page (its view restrictions), none for one that is not."""
    if not consultation.live:
        return Visibility.DRAFT
    if consultation.get_view_restrictions().exists():
        return Visibility.RESTRICTED
    return Visibility.PUBLIC_WITH_CHANGES if consultation.has_unpublished_changes else Visibility.PUBLIC


@dataclass
class DraftReview:
    consultation: object  # the ConsultationPage row: its id and whether it is live
    draft: object  # the ConsultationPage as the latest revision holds it
    themes: list
    questions: list[DraftQuestion]
    # Comments on questions the draft no longer has (renumbered or removed), for staff.
    orphan_comments: list = field(default_factory=list)
    visibility: str = Visibility.DRAFT


def _sort_key(question) -> tuple:
    # Questions built outside the admin's inline panel have no sort_order in the revision.
    return (question.sort_order is None, question.sort_order or 0, question.number)


def questions_of(draft) -> list[DraftQuestion]:
    rows = sorted(draft.questions.all(), key=_sort_key)
    return [DraftQuestion(number=q.number, text=q.text, sub_questions=q.sub_question_texts) for q in rows]


def latest_draft(consultation):
    """The consultation as its latest revision holds it, for reading only.

    Not page.get_latest_revision_as_object(): that has modelcluster check each child row's foreign keys
    in the database, a query per question and speaker, and restores the admin's comments. Here the
    page is never saved, so a dangling key costs nothing: templates skip a speaker that is gone."""
    revision = consultation.latest_revision
    if revision is None:
        return consultation
    draft = type(consultation).from_serializable_data(revision.content, check_fks=False)
    draft.pk = draft.id = consultation.pk
    draft.live = consultation.live
    return draft


def draft_questions(*, consultation) -> list[DraftQuestion]:
    return questions_of(latest_draft(consultation))


def question_by_number(*, consultation, number: int) -> DraftQuestion | None:
    return next((q for q in draft_questions(consultation=consultation) if q.number == number), None)


def draft_review(*, consultation, with_history: bool = False) -> DraftReview:
    """Everything the draft page and the staff view show, in a number of queries that does not grow
    with the questions, the agenda or the comments."""
    draft = latest_draft(consultation)
    questions = questions_of(draft)
    comments = defaultdict(list)
    rows = QuestionComment.objects.filter(consultation_id=consultation.pk).select_related(
        "author__organisation", "resolved_by"
    )
    for comment in rows:
        comment.author_name = author_name(comment.author)
        comments[comment.question_number].append(comment)
    histories = question_histories(consultation=consultation) if with_history else {}
    for question in questions:
        question.comments = comments.pop(question.number, [])
        question.history = histories.get(question.number, [])
    return DraftReview(
        consultation=consultation,
        draft=draft,
        themes=list(draft.themes.all()),
        questions=questions,
        orphan_comments=[comment for rows in comments.values() for comment in rows],
        visibility=visibility_of(consultation),
    )

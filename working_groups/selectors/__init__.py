"""Reads for the working group: the draft as its latest revision holds it, the comments, the history."""

from .draft import DraftQuestion, DraftReview, draft_questions, draft_review, question_by_number
from .history import QuestionVersion, question_histories, question_history
from .members import author_name, comments_by_author, drafts_for_member, members_of, open_comment_count

__all__ = [
    "DraftQuestion",
    "DraftReview",
    "QuestionVersion",
    "author_name",
    "comments_by_author",
    "draft_questions",
    "draft_review",
    "drafts_for_member",
    "members_of",
    "open_comment_count",
    "question_by_number",
    "question_histories",
    "question_history",
]

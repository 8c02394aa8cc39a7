"""Writes of the working group; each checks who may do it and leaves an entry in the page history."""

from .comments import question_comment_add, question_comment_resolve
from .errors import WorkingGroupError
from .members import working_group_member_add, working_group_member_remove

__all__ = [
    "WorkingGroupError",
    "question_comment_add",
    "question_comment_resolve",
    "working_group_member_add",
    "working_group_member_remove",
]

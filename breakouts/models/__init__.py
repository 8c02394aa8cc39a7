from .group import BreakoutGroup
from .membership import GroupMembership
from .note_point import NotePoint
from .note_taking import NoteTaking

__all__ = ["BreakoutGroup", "GroupMembership", "NotePoint", "NoteTaking"]

"""Writes of the records; each checks who may do it and leaves an entry in the consultation's history."""

from .archive import consultation_archive_build
from .errors import RecordError
from .registry_number import consultation_record_set

__all__ = ["RecordError", "consultation_archive_build", "consultation_record_set"]

"""Writes of the corrections app: review windows, suggestions, and staff decisions on them."""

from .decide import correction_accept, correction_decline
from .errors import CorrectionError
from .rounds import correction_round_close, correction_round_open
from .suggest import correction_suggest

__all__ = [
    "CorrectionError",
    "correction_accept",
    "correction_decline",
    "correction_round_close",
    "correction_round_open",
    "correction_suggest",
]

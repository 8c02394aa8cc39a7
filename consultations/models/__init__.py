from .index_page import ConsultationIndexPage
from .page import ConsultationPage, ConsultationSpeaker, DiscussionQuestion
from .theme import Theme

__all__ = [
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationSpeaker",
    "DiscussionQuestion",
    "Theme",
]

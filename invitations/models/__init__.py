from ..choices import AccessNeed, DeliveryStatus, InvitationStatus, SendKind
from .attendee import Attendee
from .invitation import Invitation
from .sending import InvitationDelivery, InvitationSend

__all__ = [
    "AccessNeed",
    "Attendee",
    "DeliveryStatus",
    "Invitation",
    "InvitationDelivery",
    "InvitationSend",
    "InvitationStatus",
    "SendKind",
]

"""/admin/invitations/<consultation id>/…, registered by wagtail_hooks (behind Wagtail's admin login)."""

from django.urls import path

from .attendees import AttendanceListView, AttendeeExportView, CheckInView
from .build import InvitationBuildView
from .changes import AttendeeRemoveView, InvitationPromoteView, InvitationRemoveView
from .overview import HeldAttendeeResolveView, InvitationIndexView, InvitationSendView, TokenRevokeView
from .sending import ReminderSendView, SendProgressView, SendRetryView

app_name = "invitations_admin"

urlpatterns = [
    path("<int:consultation_id>/", InvitationIndexView.as_view(), name="index"),
    path("<int:consultation_id>/add/", InvitationBuildView.as_view(), name="build"),
    path("<int:consultation_id>/send/", InvitationSendView.as_view(), name="send"),
    path("<int:consultation_id>/revoke/", TokenRevokeView.as_view(), name="revoke"),
    path("<int:consultation_id>/remind/", ReminderSendView.as_view(), name="remind"),
    path("<int:consultation_id>/remove/", InvitationRemoveView.as_view(), name="remove"),
    path("<int:consultation_id>/promote/", InvitationPromoteView.as_view(), name="promote"),
    path("<int:consultation_id>/attendee/remove/", AttendeeRemoveView.as_view(), name="attendee_remove"),
    path("<int:consultation_id>/held/resolve/", HeldAttendeeResolveView.as_view(), name="held_resolve"),
    path("<int:consultation_id>/sends/", SendProgressView.as_view(), name="sends"),
    path("<int:consultation_id>/sends/retry/", SendRetryView.as_view(), name="retry"),
    path("<int:consultation_id>/attendees.csv", AttendeeExportView.as_view(), name="export"),
    path("<int:consultation_id>/attendance/", AttendanceListView.as_view(), name="attendance"),
    path("<int:consultation_id>/check-in/", CheckInView.as_view(), name="check_in"),
]

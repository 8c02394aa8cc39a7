"""/admin/arbetsgrupp/: staff run a consultation's working group. The index shows members and, per
draft question, the comments and the question's history; the actions are POST-only."""

from django.urls import path

from .actions import MemberAddView, MemberRemoveView, ResolveView
from .index import WorkingGroupIndexView

app_name = "working_groups_admin"
urlpatterns = [
    path("<int:consultation_id>/", WorkingGroupIndexView.as_view(), name="index"),
    path("<int:consultation_id>/members/add/", MemberAddView.as_view(), name="member_add"),
    path("members/<int:member_id>/remove/", MemberRemoveView.as_view(), name="member_remove"),
    path("comments/<int:comment_id>/resolve/", ResolveView.as_view(), name="resolve"),
]

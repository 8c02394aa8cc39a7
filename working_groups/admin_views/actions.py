"""The POST-only actions of the staff view; each parses the form and calls one service."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from ..forms import MemberAddForm, ResolveForm, add_service_error
from ..models import QuestionComment, WorkingGroupMember
from ..selectors import author_name
from ..services import (
    WorkingGroupError,
    question_comment_resolve,
    working_group_member_add,
    working_group_member_remove,
)
from .index import WorkingGroupIndexView


def index_url(consultation, anchor: str = "") -> str:
    return reverse("working_groups_admin:index", args=[consultation.pk]) + anchor


class ActionView(WorkingGroupIndexView):
    # An invalid form is shown again on the index, so the error sits beside its field.
    http_method_names = ["post"]
    method_first = True


class MemberAddView(ActionView):
    def post(self, request, consultation_id):
        form = MemberAddForm(request.POST)
        if form.is_valid():
            try:
                member = working_group_member_add(
                    consultation=self.consultation, email=form.cleaned_data["email"], user=request.user
                )
            except WorkingGroupError as error:
                add_service_error(form, error)
            else:
                name = author_name(member.user)
                messages.success(request, _("%(name)s is now in the working group.") % {"name": name})
                return redirect(index_url(self.consultation, "#members"))
        return self.render_to_response(self.get_context_data(member_form=form))


class MemberRemoveView(ActionView):
    def get_consultation(self, **kwargs):
        members = WorkingGroupMember.objects.select_related("user")
        self.member = get_object_or_404(members, pk=kwargs["member_id"])
        return self.member.consultation

    def post(self, request, member_id):
        name = author_name(self.member.user)
        working_group_member_remove(member=self.member, user=request.user)
        messages.success(request, _("%(name)s is no longer in the working group.") % {"name": name})
        return redirect(index_url(self.consultation, "#members"))


class ResolveView(ActionView):
    def get_consultation(self, **kwargs):
        self.comment = get_object_or_404(QuestionComment, pk=kwargs["comment_id"])
        return self.comment.consultation

    def post(self, request, comment_id):
        form = ResolveForm(request.POST)
        anchor = f"#question-{self.comment.question_number}"
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["note"]))
            return redirect(index_url(self.consultation, anchor))
        try:
            question_comment_resolve(comment=self.comment, user=request.user, note=form.cleaned_data["note"])
        except WorkingGroupError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The comment is resolved."))
        return redirect(index_url(self.consultation, anchor))

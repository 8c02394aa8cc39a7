"""/admin/breakouts/<consultation id>/: a consultation's groups, the automatic assignment, moving people
by hand, and opening and closing note-taking. Views only parse the request and call services."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.models import User
from consultations.admin_guard import ConsultationGuardMixin
from notes.selectors import notes_set_aside
from sakrad.admin_screens import ConsultationScreenMixin

from .models import BreakoutGroup
from .permissions import can_manage_groups
from .selectors import (
    assignable_people,
    groups_for_consultation,
    groups_have_members,
    note_taking_get,
)
from .services import (
    group_member_move,
    group_member_remove,
    groups_assign,
    note_taking_close,
    note_taking_open,
)


class AssignForm(forms.Form):
    n_groups = forms.IntegerField(
        label=gettext_lazy("Number of groups"), min_value=1, max_value=50, initial=4
    )
    source = forms.ChoiceField(
        label=gettext_lazy("Who"),
        choices=[
            ("accepted", gettext_lazy("Everyone who accepted")),
            ("checked_in", gettext_lazy("Those checked in")),
        ],
    )


def _confirmed(request) -> bool:
    # The irreversible actions need a ticked box: a form that works without JavaScript.
    return request.POST.get("confirm") == "1"


class BreakoutGroupsView(
    ConsultationGuardMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView
):
    template_name = "breakouts_admin/groups.html"
    page_title = gettext_lazy("Breakout groups")
    header_icon = "group"

    may = can_manage_groups

    def get_context_data(self, **kwargs):
        groups = list(groups_for_consultation(self.consultation))
        set_aside = notes_set_aside(group_ids=[group.pk for group in groups])
        for group in groups:
            group.set_aside = set_aside.get(group.pk, 0)
        placed = {m.user_id for group in groups for m in group.memberships.all()}
        return super().get_context_data(
            consultation=self.consultation,
            groups=groups,
            unplaced=[
                user
                for user, _org in assignable_people(consultation=self.consultation)
                if user.pk not in placed
            ],
            note_taking=note_taking_get(consultation_id=self.consultation.pk),
            has_members=bool(placed),
            assign_form=kwargs.pop("assign_form", None) or AssignForm(),
            **kwargs,
        )

    def post(self, request, consultation_id):
        action = request.POST.get("action")
        handler = {"assign": self.assign, "open": self.open, "close": self.close, "move": self.move}.get(
            action
        )
        if handler is None:
            messages.error(request, _("Unknown action."))
        else:
            try:
                handler(request)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect(reverse("breakouts_admin:groups", args=[self.consultation.pk]))

    def assign(self, request):
        form = AssignForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Choose a number of groups."))
        if not _confirmed(request) and groups_have_members(consultation=self.consultation):
            raise ValidationError(
                _(
                    "Nothing was changed: the groups already have members. Tick the box to confirm that "
                    "they are to be replaced."
                )
            )
        groups_assign(consultation=self.consultation, user=request.user, **form.cleaned_data)
        messages.success(request, _("The attendees have been assigned to groups."))

    def open(self, request):
        note_taking_open(consultation=self.consultation, user=request.user)
        messages.success(request, _("Note-taking is open."))

    def close(self, request):
        if not _confirmed(request):
            raise ValidationError(
                _("Note-taking is still open. Tick the box to confirm that the groups are to stop writing.")
            )
        note_taking_close(consultation=self.consultation, user=request.user)
        messages.success(request, _("Note-taking is closed; the notes are stored for the minutes."))

    def move(self, request):
        person = get_object_or_404(User, pk=request.POST.get("user"))
        group_id = request.POST.get("group")
        if group_id:
            group = get_object_or_404(BreakoutGroup, pk=group_id, consultation=self.consultation)
            group_member_move(person=person, to_group=group, user=request.user)
        else:
            rows = BreakoutGroup.objects.filter(consultation=self.consultation, memberships__user=person)
            for group in rows:
                group_member_remove(group=group, person=person, user=request.user)
        messages.success(request, _("Saved."))


app_name = "breakouts_admin"
urlpatterns = [path("<int:consultation_id>/", BreakoutGroupsView.as_view(), name="groups")]

"""The group page (a breakout group's live notes) and the plenary wall (every group's takeaways).

Both pages are server-rendered read-only views of the last stored points (NotePoint rows); the
browser bundles (frontend/src/notes.js, plenary.js → static/js/*.bundle.js) connect to the notes
websocket, /ws/notes/<group_id> (docs/notes-protocol.md), and make them live. Everything the
scripts need comes through data- attributes: the pages run under a strict CSP with no inline script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from consultations.models import ConsultationPage
from notes import limits as notes_limits
from notes.presence import person_colour
from sakrad.roles import is_staff

from .models import BreakoutGroup
from .permissions import can_edit_notes, can_manage_groups, can_run_plenary, can_view_group
from .plenary_wall import GROUP_PAGE, wall_panels
from .selectors import group_questions, note_points_current, note_taking_is_open, takeaways_for_consultation


@dataclass
class QuestionNotes:
    number: int
    text: str
    sub_questions: list[str]
    points: list = field(default_factory=list)


def notes_path(group: BreakoutGroup) -> str:
    """The websocket path of a group's notes, as the contract puts it in data-notes-url."""
    return f"/ws/notes/{group.pk}"


def notes_strings() -> dict[str, str]:
    """The group page's interface strings, translated here and read by notes.js ({n} etc. filled there)."""
    return {
        "status_connecting": _("Connecting…"),
        "status_connected": _("Connected"),
        "status_reconnecting": _("Reconnecting…"),
        "status_offline": _("Offline — your changes are kept and will be sent"),
        # The server restarts or could not store a change for a moment (close 1012 or 4500).
        "status_server_away": _(
            "The server is restarting — your changes are kept and will be sent when it is back"
        ),
        "status_closed": _("The server closed the connection. Reload the page to try again."),
        "point_label": _("Point {n} under question {q}"),
        "takeaway": _("Takeaway"),
        "move_up": _("Move up"),
        "move_down": _("Move down"),
        "delete": _("Delete"),
        "confirm_delete": _("Delete {name}? This cannot be undone."),
        "deleted": _("Point deleted."),
        "deleted_by_other": _("The point you were in was deleted by someone else."),
        "writing_here": _("Writing here now: {names}"),
        "moved": _("Moved: now {name}."),
        "you": _("{name} (you)"),
        "anonymous": _("Participant"),
        "read_only_now": _("Note-taking has been closed: you can read the notes but no longer change them."),
        "editable_again": _("Note-taking is open again: you can change the notes."),
        "changed_one": _("1 point changed by others"),
        "changed_many": _("{count} points changed by others"),
        # Ministry staff in "In the room now" and "Writing here now".
        "staff_name": _("{name} (ministry)"),
        # A point's maximum length ({max}: data-max-point-chars).
        "length_count": _("{count} of {max} characters"),
        "too_long": _("Too long: {count} of {max} characters"),
        "text_cut": _("The text was cut: a point can be at most {max} characters."),
        # The server refused something this page sent and closed the connection (frontend/src/lib/refusal.js).
        "refused_point_too_long": _(
            "A point can be at most {max} characters. Shorten it and reconnect, or discard the change."
        ),
        "refused_group_full": _(
            "The group's notes are full, so your latest changes were not saved. "
            "Discard them to see the notes as saved."
        ),
        "refused_member_full": _(
            "You have written as much as one person may in these notes, so your latest changes were not "
            "saved. Discard them to see the notes as saved."
        ),
        "refused_frame_too_large": _(
            "Your latest change was too large to send at once (a very long paste?). "
            "Discard it, then add the text in smaller parts."
        ),
        "refused_too_large": _(
            "Your latest changes were too large to be saved. Discard them to see the notes as saved."
        ),
        "refused_schema": _(
            "The server refused a change that does not fit the notes. Discard your unsent changes to go on."
        ),
        "refused_malformed": _(
            "The server could not read a change from this page. Discard your unsent changes to go on."
        ),
        "refused_rate": _(
            "Too many changes too fast: the server paused the connection. "
            "Your changes are kept; reconnect to send them."
        ),
        "refused_sockets": _("You have this group open in too many windows: close one, then reconnect."),
        "reconnect": _("Reconnect"),
        "discard_and_reload": _("Discard my unsent changes and reload"),
        "discard_blocked": _(
            "Your unsent changes could not be discarded while this group is open in another window. "
            "Close it and try again."
        ),
    }


def plenary_strings() -> dict[str, str]:
    return {
        "question": _("Question {q}"),
        "highlight": _("Highlight"),
        "wall_connected": _("Live: all {total} groups connected"),
        "wall_reconnecting": _("Reconnecting… {connected} of {total} groups connected"),
        "wall_offline": _("Offline: showing what was last received"),
    }


def groups_screen_url(*, user, consultation) -> str | None:
    """The way back to the admin's groups screen, for the staff who run the day; None for the others
    (participants have no admin, and a link they cannot follow only confuses)."""
    if not can_manage_groups(user=user, consultation=consultation):
        return None
    return reverse("breakouts_admin:groups", args=[consultation.pk])


def _questions_with_points(group: BreakoutGroup) -> tuple[list[QuestionNotes], list]:
    questions = [
        QuestionNotes(number=q.number, text=q.text, sub_questions=q.sub_question_texts)
        for q in group_questions(group)
    ]
    by_number = {q.number: q for q in questions}
    other = []
    for point in note_points_current(group):
        target = by_number.get(point.question_number)
        (target.points if target else other).append(point)
    return questions, other


@require_GET
@login_required
def group_notes(request, group_id: int):
    group = get_object_or_404(BreakoutGroup.objects.select_related("consultation"), pk=group_id)
    if not can_view_group(user=request.user, group=group):
        raise PermissionDenied
    questions, other_points = _questions_with_points(group)
    context = {
        "group": group,
        "consultation": group.consultation,
        "questions": questions,
        "other_points": other_points,
        "notes_url": notes_path(group),
        "can_edit": can_edit_notes(user=request.user, group=group),
        "note_taking_open": note_taking_is_open(consultation_id=group.consultation_id),
        "user_name": request.user.public_name(),
        "user_staff": is_staff(request.user),
        # What the others see: the server sets it in every presence state this page sends.
        "user_colour": person_colour(request.user.pk),
        # The longest point the server stores, in UTF-16 code units; the editor never makes a longer one.
        "max_point_chars": notes_limits.MAX_POINT_CHARS,
        "strings_json": json.dumps(notes_strings(), ensure_ascii=False),
        "groups_screen_url": groups_screen_url(user=request.user, consultation=group.consultation),
        # The plenary's phone pages (voting, questions to the panel), when they are open.
        "panels": wall_panels(request=request, consultation=group.consultation, place=GROUP_PAGE),
    }
    return render(request, "breakouts/group_notes.html", context)


@require_GET
@login_required
def plenary(request, consultation_id: int):
    consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
    if not can_run_plenary(user=request.user, consultation=consultation):
        raise PermissionDenied
    groups = [
        {"group": group, "notes_url": notes_path(group), "takeaways": takeaways}
        for group, takeaways in takeaways_for_consultation(consultation).items()
    ]
    context = {
        "consultation": consultation,
        "groups": groups,
        "strings_json": json.dumps(plenary_strings(), ensure_ascii=False),
        "groups_screen_url": groups_screen_url(user=request.user, consultation=consultation),
        "panels": wall_panels(request=request, consultation=consultation),
    }
    return render(request, "breakouts/plenary.html", context)

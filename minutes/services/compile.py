"""Compiling the minutes: one action turns a held consultation's closed notes into a minutes draft.

The draft is a `MinutesPage` under the consultation, never published here: staff edit it and send it
through the approval workflow. What the groups wrote is never attributed: the points are read without
their group or author, and every participant-written string is escaped, wrapped as a paragraph and
passed through the one sanitiser before it is stored as rich text.

The takeaways are written once, as `Takeaway` rows (their one record, shown under their question by
the body's question records); the body holds the questions and the other points, then the sections
other apps add (open input's answers: minutes/sections.py).

Re-compiling updates an unedited draft in place (a new revision). A draft whose body or takeaways
differ from what the compile step last wrote has been edited by staff (or by an accepted correction):
it is replaced only with `overwrite=True`. Published minutes are never touched.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..blocks import PRESENTERS_MAX, QUESTION_MAX, SUB_QUESTION_MAX
from ..log_actions import MINUTES_COMPILE
from ..models import MinutesPage, Takeaway
from ..participant_text import participant_html
from ..reading import OTHER_POINTS_NUMBER, ordered_takeaways
from ..sections import minutes_sections
from ..selectors import QuestionNotes, attended_organisations, note_points_by_question, note_taking_for
from ..takeaway_annotations import takeaways_annotate
from .workflow import minutes_workflow_assign

TITLE_MAX = 255  # Wagtail's for a page title, and the presentation block's


class MinutesCompileError(ValidationError):
    """Why the minutes could not be compiled; `code` says which case (the admin asks to confirm "edited")."""

    NOT_HELD = "not_held"
    NOTES_NOT_CLOSED = "notes_not_closed"
    NOTES_NEVER_OPENED = "notes_never_opened"
    EDITED = "edited"
    PUBLISHED = "published"


def body_fingerprint(raw_body, takeaways=None) -> str:
    """sha256 of the body's JSON as stored (a StreamValue or its raw list) and, when given, of the
    takeaways' question numbers and texts in their order: what staff may edit of what compiling wrote."""
    if hasattr(raw_body, "get_prep_value"):
        raw_body = raw_body.get_prep_value()
    content = raw_body
    if takeaways is not None:
        content = {"body": raw_body, "takeaways": [[row.question_number, row.text] for row in takeaways]}
    text = json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _clip(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def minutes_draft_edited(page: MinutesPage) -> bool:
    """Whether the draft's latest revision has a body or takeaways other than the compile step wrote."""
    latest = page.get_latest_revision_as_object()
    fingerprint = body_fingerprint(latest.body, ordered_takeaways(latest))
    return fingerprint != (latest.compiled_fingerprint or "")


def _check_compilable(consultation) -> None:
    if consultation.ends_at > timezone.now():
        raise MinutesCompileError(
            _("The consultation has not been held yet: the minutes can be compiled once it has ended."),
            code=MinutesCompileError.NOT_HELD,
        )
    note_taking = note_taking_for(consultation=consultation)
    if note_taking is None or note_taking.opened_at is None:
        raise MinutesCompileError(
            _("Note-taking was never opened for this consultation, so there are no notes to compile."),
            code=MinutesCompileError.NOTES_NEVER_OPENED,
        )
    if note_taking.closed_at is None:
        raise MinutesCompileError(
            _("Note-taking is still open. Close it first, so that the groups' final notes are stored."),
            code=MinutesCompileError.NOTES_NOT_CLOSED,
        )


def _presentations(consultation) -> list[dict]:
    """One presentation per agenda item with speakers: speakers are public on the published agenda."""
    blocks = []
    for item in consultation.agenda:
        speakers = [person for person in item.value.get("speakers") or [] if person is not None]
        if not speakers:
            continue
        presenters = ", ".join(
            f"{person.name} ({person.affiliation})" if person.affiliation else person.name
            for person in speakers
        )
        description = (item.value.get("description") or "").strip()
        blocks.append(
            {
                "type": "presentation",
                "value": {
                    "title": _clip(item.value.get("item") or "", TITLE_MAX),
                    "presenters": _clip(presenters, PRESENTERS_MAX),
                    "summary": participant_html(description) if description else "",
                },
            }
        )
    return blocks


def _question_record(number: int, question: str, sub_questions: list[str], notes) -> dict:
    """The question and its points; its takeaways are the `Takeaway` rows, not a copy in the body."""
    return {
        "type": "question_record",
        "value": {
            "number": number,
            "question": _clip(question, QUESTION_MAX),
            "sub_questions": [_clip(text, SUB_QUESTION_MAX) for text in sub_questions if text.strip()],
            "points": [participant_html(text) for text in (notes.points if notes else [])],
        },
    }


def _compiled_content(consultation) -> dict:
    """Everything the compile step writes: page fields, the body (raw, ids assigned) and the takeaways."""
    grouped = note_points_by_question(consultation=consultation)
    questions = list(consultation.questions.all())
    body = _presentations(consultation)
    takeaways: list[Takeaway] = []
    known = set()
    for question in questions:
        known.add(question.number)
        notes = grouped.get(question.number)
        body.append(_question_record(question.number, question.text, question.sub_question_texts, notes))
        if notes:
            takeaways += [Takeaway(question_number=question.number, text=text) for text in notes.takeaways]
    other_takeaways, other_points = [], []
    for number, notes in grouped.items():
        if number not in known:
            other_takeaways += notes.takeaways
            other_points += notes.points
    if other_takeaways or other_points:
        notes = QuestionNotes(takeaways=other_takeaways, points=other_points)
        body.append(_question_record(OTHER_POINTS_NUMBER, _("Other points raised"), [], notes))
        takeaways += [Takeaway(question_number=None, text=text) for text in other_takeaways]
    for position, takeaway in enumerate(takeaways):
        takeaway.sort_order = position
    # What other apps know of each takeaway (the plenary's votes): minutes/takeaway_annotations.py.
    takeaways_annotate(consultation=consultation, takeaways=takeaways)
    # What other apps add after the questions (open input's answers): minutes/sections.py.
    body += minutes_sections(consultation=consultation, questions=questions)

    stream_block = MinutesPage._meta.get_field("body").stream_block
    value = stream_block.to_python(body)
    list(value)  # to blocks: the list items get their ids now, so the JSON stored is the JSON hashed
    raw = stream_block.get_prep_value(value)
    organiser = ", ".join(part for part in (consultation.ministry, consultation.unit) if part)
    return {
        "title": _clip(_("Minutes: %(title)s") % {"title": consultation.title}, TITLE_MAX),
        "held_on": consultation.date,
        "organiser": _clip(organiser, 500),
        "body": raw,
        "takeaways": takeaways,
        "organisations": attended_organisations(consultation=consultation),
    }


def _fill(page: MinutesPage, content: dict) -> None:
    page.title = content["title"]
    page.held_on = content["held_on"]
    page.organiser = content["organiser"]
    page.body = content["body"]
    page.participating_organisations = content["organisations"]
    page.takeaways = content["takeaways"]
    page.compiled_at = timezone.now()
    page.compiled_fingerprint = body_fingerprint(content["body"], content["takeaways"])


@transaction.atomic
def minutes_compile(*, consultation, user, overwrite: bool = False) -> MinutesPage:
    """Create (or update) the consultation's minutes draft from its closed notes; never publishes."""
    consultation = consultation.specific
    _check_compilable(consultation)
    existing = MinutesPage.objects.child_of(consultation).select_for_update().first()
    if existing is not None:
        if existing.live:
            raise MinutesCompileError(
                _("The minutes are already published: compiling never changes published minutes."),
                code=MinutesCompileError.PUBLISHED,
            )
        edited = minutes_draft_edited(existing)
        if edited and not overwrite:
            raise MinutesCompileError(
                _(
                    "Staff have edited the minutes draft since it was compiled. "
                    "Compiling again replaces their edits."
                ),
                code=MinutesCompileError.EDITED,
            )

    # The minutes are written in the site's language, whatever the language of the admin.
    with translation.override(settings.LANGUAGE_CODE):
        content = _compiled_content(consultation)
        slug = slugify(_("minutes"), allow_unicode=True) or "minutes"  # "minnesanteckningar"

    if existing is None:
        page = MinutesPage(slug=slug, live=False, owner=user if user and user.is_authenticated else None)
        _fill(page, content)
        consultation.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        minutes_workflow_assign(page=page)
        created = True
    else:
        page = existing.get_latest_revision_as_object()
        _fill(page, content)
        revision = page.save_revision(user=user, log_action=True)
        created = False

    log(
        instance=page,
        action=MINUTES_COMPILE,
        user=user,
        revision=revision,
        data={
            "created": created,
            "overwrite": bool(existing is not None and overwrite and edited),
            "questions": sum(1 for block in content["body"] if block["type"] == "question_record"),
            "takeaways": len(content["takeaways"]),
        },
    )
    return MinutesPage.objects.get(pk=page.pk)

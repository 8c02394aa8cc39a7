"""Two consultations with working groups: A, a draft never published whose latest revision adds a
question, and B, another consultation's draft. Staff with and without rights on the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from consultations.models import ConsultationPage
from tests.factories import (
    ConsultationPageFactory,
    DiscussionQuestionFactory,
    OrganisationFactory,
    PersonFactory,
    ThemeFactory,
    UserFactory,
    agenda_item,
)
from working_groups.models import WorkingGroupMember

FIRST_TEXT = "Hur når vi unga som inte är med i någon förening?"
ADDED_TEXT = "Vilket stöd behöver kommunerna från staten?"


@dataclass
class Drafts:
    a: ConsultationPage
    b: ConsultationPage
    member_a: object
    member_b: object


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def add_question(page, *, number: int, text: str, user=None):
    """Saves a new revision with one more question, as an editor's "Save draft" does; nothing is published."""
    draft = ConsultationPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.questions.add(DiscussionQuestionFactory.build(number=number, text=text))
    return draft.save_revision(user=user)


def edit_question(page, *, number: int, text: str, subs=None, user=None):
    draft = ConsultationPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    question = next(q for q in draft.questions.all() if q.number == number)
    question.text = text
    if subs is not None:
        question.sub_questions = [{"type": "sub_question", "value": sub} for sub in subs]
    draft.questions = list(draft.questions.all())
    return draft.save_revision(user=user)


def draft_consultation(index, *, title: str, text: str, speaker=None, theme=None):
    return ConsultationPageFactory(
        parent=index,
        publish=False,
        title=title,
        themes=[theme] if theme else [],
        agenda=[
            agenda_item(dt.time(9, 30), "Välkommen och inledning", speakers=[speaker] if speaker else [])
        ],
        questions=[DiscussionQuestionFactory.build(number=1, text=text, subs=("Vilka hinder finns?",))],
    )


def member(consultation, user) -> object:
    WorkingGroupMember.objects.create(consultation=consultation, user=user)
    return user


@pytest.fixture
def drafts(index) -> Drafts:
    speaker = PersonFactory(name="Stina Statssekreterare")
    theme = ThemeFactory(name="Unga och föreningsliv")
    a = draft_consultation(
        index, title="Sakråd om unga (utkast)", text=FIRST_TEXT, speaker=speaker, theme=theme
    )
    add_question(a, number=2, text=ADDED_TEXT)
    b = draft_consultation(index, title="Hemligt sakråd B", text="Fråga som bara grupp B får se")
    organisation = OrganisationFactory(name="Föreningen Bryggan")
    member_a = member(a, UserFactory(first_name="Maja", last_name="Medlem", organisation=organisation))
    member_b = member(b, UserFactory(first_name="Bertil", last_name="Bgrupp"))
    return Drafts(a=a, b=b, member_a=member_a, member_b=member_b)


@pytest.fixture
def staff_without_rights(db):
    user = UserFactory(email="praktikant@example.org", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user

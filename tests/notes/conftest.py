from __future__ import annotations

from dataclasses import dataclass
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from accounts.models import User
from breakouts.models import BreakoutGroup
from breakouts.services import breakout_group_create, group_member_add, note_taking_open
from notes.registry import documents_forget
from tests.factories import (
    ConsultationPageFactory,
    DiscussionQuestionFactory,
    OrganisationFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _fresh_documents():
    """Each test starts as a freshly started process: no cached documents."""
    documents_forget()
    yield
    documents_forget()


@pytest.fixture(autouse=True)
def _one_thread_database():
    # Channels "closes old connections" around each database call; in tests that share one
    # connection (SQLite in memory) that must not happen.
    with mock.patch("channels.db.close_old_connections"):
        yield


@dataclass
class Room:
    group: BreakoutGroup
    other_group: BreakoutGroup
    members: list[User]
    outsider: User  # logged in, in no group of this consultation
    staff: User
    logins: dict[int, Client] = None  # user pk -> a logged-in test client, made before any event loop runs

    @property
    def path(self) -> str:
        return f"/ws/notes/{self.group.pk}"

    def login(self, user: User | None) -> Client:
        if user is None:
            return Client()
        return self.logins[user.pk]


@pytest.fixture
def wagtail_roots(transactional_db):
    """The flush after a transactional test removes what the migrations created; put it back."""
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def room(wagtail_roots) -> Room:
    # The notes name these question numbers; the server refuses points under any other.
    consultation = ConsultationPageFactory(
        questions=[DiscussionQuestionFactory.build(number=number) for number in (1, 2, 3)]
    )
    group = breakout_group_create(consultation=consultation, name="Grupp A")
    other_group = breakout_group_create(consultation=consultation, name="Grupp B")
    members = [UserFactory(organisation=OrganisationFactory()) for _ in range(3)]
    for user in members:
        group_member_add(group=group, person=user)
    outsider = UserFactory(organisation=OrganisationFactory())
    group_member_add(group=other_group, person=outsider)
    staff = User.objects.create_superuser(email="tjansteman@example.org", password="x-Lösenord-123456")
    note_taking_open(consultation=consultation)
    logins = {}
    for user in [*members, outsider, staff]:
        logins[user.pk] = Client()
        logins[user.pk].force_login(user)
    return Room(
        group=group, other_group=other_group, members=members, outsider=outsider, staff=staff, logins=logins
    )

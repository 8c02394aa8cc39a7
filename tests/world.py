"""The `world` fixture: one small, complete site with one user per role, for the quality gates.

Self-contained on purpose (no factories): the registry's expectations depend on exactly this
data, so it must not change when someone tunes the factories for another test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    Page,
    PageViewRestriction,
    Site,
    Workflow,
    WorkflowTask,
)

from accounts.models import User
from breakouts.models import BreakoutGroup
from breakouts.services import breakout_group_create, group_member_add, note_taking_open
from consultations.models import ConsultationIndexPage, ConsultationPage, DiscussionQuestion
from corrections.models import CorrectionRound
from cycle.models import AnnualCyclePage
from home.models import HomePage, StandardPage
from invitations.models import Attendee, Invitation, InvitationStatus
from invitations.tokens import token_new
from minutes.models import MinutesPage, Takeaway
from open_input.models import OpenInputPeriod
from organisations.models import Organisation
from staff_roles.groups import APPROVERS, ORGANISERS
from staff_roles.services import staff_groups_ensure
from tests.registry import ROLES, Role
from working_groups.models import WorkingGroupMember

PASSWORD = "Rätt-lösenord-för-tester-42"
# The organiser and the approver are in the staff groups migration staff_roles 0001 makes, with exactly
# their roles' permissions (staff_roles/groups.py, docs/roles.md); the world gives them nothing of its
# own. Neither is a Django `is_staff` user: the Wagtail admin does not need it, and the Django admin
# stays for superusers.


@dataclass
class World:
    home: HomePage
    index: ConsultationIndexPage
    consultation: ConsultationPage
    minutes: MinutesPage
    other_consultation: ConsultationPage
    draft: ConsultationPage
    in_moderation: ConsultationPage
    private_page: StandardPage
    standard_page: StandardPage
    organisation: Organisation
    other_organisation: Organisation
    document: AbstractDocument
    private_document: AbstractDocument  # in a collection restricted to logged-in users
    rsvp_token: str  # the link in a sent invitation to the upcoming consultation
    revoked_rsvp_token: str  # a link the organisers have revoked
    users: dict[Role, User | None] = field(default_factory=dict)
    password: str = PASSWORD
    breakout_group: BreakoutGroup | None = None  # of `consultation`, with "group_member" in it, notes open
    # Held ten days ago; "participant" attended; its minutes are a draft open to attendees' corrections.
    annual_cycle: AnnualCyclePage | None = None
    held_consultation: ConsultationPage | None = None
    draft_minutes: MinutesPage | None = None

    def user(self, role: Role) -> User | None:
        if role not in self.users:
            raise KeyError(f"unknown role {role!r}; roles are {ROLES}")
        return self.users[role]

    # Each role's session, made with the world: the gates ask for a client per role per registry row
    # (thousands), and a login each time was an eighth of their time. A test that logs out or changes
    # the session does so in its own savepoint, so the next test finds the session as it was.
    sessions: dict[Role, str] = field(default_factory=dict)

    def client_for(self, role: Role) -> Client:
        """A test client logged in as that role (anonymous: not logged in)."""
        client = Client()
        user = self.user(role)
        if user is None:
            return client
        if role not in self.sessions:
            client.force_login(user)
            self.sessions[role] = client.cookies[django_settings.SESSION_COOKIE_NAME].value
        else:
            client.cookies[django_settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client

    def log_everyone_in(self) -> None:
        for role in ROLES:
            self.client_for(role)


def _awaiting_approval(page: Page, user: User, approvers: Group) -> None:
    """Submitted for approval: Wagtail's own moderation of every page is off (staff_roles 0001), so the
    world starts a workflow of its own, approved by the Approvers."""
    task = GroupApprovalTask.objects.create(name="Granskning")
    task.groups.set([approvers])
    workflow = Workflow.objects.create(name="Granskning")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.start(page, user)


EASY_READ = "<h2>Om sidan</h2><p>Här står det viktigaste. Meningarna är korta.</p>"


def _user(email: str, **extra) -> User:
    groups = extra.pop("groups", [])
    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    user.groups.add(*groups)
    return user


def _consultation(title: str, slug: str, date: dt.date) -> ConsultationPage:
    page = ConsultationPage(
        title=title,
        slug=slug,
        ministry="Arbetsmarknadsdepartementet",
        date=date,
        start_time=dt.time(9, 0),
        end_time=dt.time(12, 0),
        venue_address="Drottninggatan 1, Stockholm",
    )
    return page


def _with_a_question(page: ConsultationPage) -> ConsultationPage:
    """For the pages that show questions to answer or comment on: the working group's draft, open input."""
    page.questions = [DiscussionQuestion(number=1, text="Vad behöver föreningarna?", sort_order=0)]
    return page


def _held_with_draft_minutes(index: Page, organisation: Organisation, attendee: User, today: dt.date):
    """A consultation held ten days ago whose minutes are a draft in a correction round: `attendee`
    was there (named by `organisation`, checked in)."""
    held = _publish(index, _consultation("Civilsamhällets villkor", "villkor", today - dt.timedelta(days=10)))
    minutes = MinutesPage(
        title="Minnesanteckningar (utkast)",
        slug="minnesanteckningar",
        live=False,
        body=[("paragraph", "<p>Deltagarna vill ha fleråriga bidrag.</p>")],
    )
    held.add_child(instance=minutes)
    minutes.save_revision()
    invitation = Invitation.objects.create(
        consultation=held, organisation=organisation, status=InvitationStatus.ACCEPTED
    )
    Attendee.objects.create(
        invitation=invitation, consultation=held, name="Dana Deltagare", email=attendee.email,
        user=attendee, checked_in_at=timezone.now() - dt.timedelta(days=10),
    )
    CorrectionRound.objects.create(
        minutes=minutes, consultation=held, deadline=timezone.now() + dt.timedelta(days=7)
    )
    return held, minutes


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _document(title: str, filename: str, collection: Collection) -> AbstractDocument:
    Document = get_document_model()
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(b"%PDF-1.4\n% test document\n"), save=False)
    document.save()
    return document


def _sent_invitation(consultation: ConsultationPage, name: str, kind: str, revoked: bool = False) -> str:
    """An invitation as sent by email: only the token's hash is stored, the token is the link."""
    token, digest = token_new()
    now = timezone.now()
    Invitation.objects.create(
        consultation=consultation,
        organisation=Organisation.objects.create(name=name, kind=kind),
        status=InvitationStatus.SENT,
        token_hash=digest,
        token_expires_at=now + dt.timedelta(days=14),
        token_revoked_at=now if revoked else None,
        sent_at=now,
    )
    return token


def build_world() -> World:
    # Rate limits and Wagtail's site-root cache live in the cache; a previous test's leftovers
    # must not decide this one's outcome.
    cache.clear()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Sakråd", slug="sakrad-start"))
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "port": 80, "root_page": home, "site_name": "Sakråd"},
    )

    index = _publish(home, ConsultationIndexPage(title="Sakråd", slug="sakrad"))
    today = timezone.localdate()
    # Each with an easy-to-read version (issue 21), at <url>lattlast/.
    consultation = _consultation(
        "Unga och integration", "unga-och-integration", today - dt.timedelta(days=60)
    )
    consultation.easy_read_body = EASY_READ
    consultation = _publish(index, consultation)
    minutes = _publish(
        consultation,
        MinutesPage(
            title="Minnesanteckningar", slug="minnesanteckningar", summary="Sammanfattning.",
            easy_read_body=EASY_READ,
        ),
    )
    other = _with_a_question(
        _consultation("Lokalt förebyggande arbete", "lokalt-arbete", today + dt.timedelta(days=30))
    )
    other.easy_read_open_input = EASY_READ  # its open-input form's version
    other = _publish(index, other)

    draft = _with_a_question(_consultation("Utkast till sakråd", "utkast", today + dt.timedelta(days=90)))
    draft.live = False
    index.add_child(instance=draft)
    draft.save_revision()

    annual_cycle = _publish(home, AnnualCyclePage(title="Årscykel", slug="arscykel", introduction="Året."))
    standard_page = _publish(home, StandardPage(title="Om sakråd", slug="om-sakrad", introduction="Om oss."))
    private_page = _publish(home, StandardPage(title="Internt", slug="internt", introduction="Inloggade."))
    PageViewRestriction.objects.create(page=private_page, restriction_type=PageViewRestriction.LOGIN)

    root_collection = Collection.get_first_root_node()
    private_collection = root_collection.add_child(name="Interna handlingar")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )

    organisation = Organisation.objects.create(name="Föreningen Framtid", kind="association")
    other_organisation = Organisation.objects.create(name="Stiftelsen Stöd", kind="foundation")
    Invitation.objects.create(
        consultation=consultation, organisation=organisation, status=InvitationStatus.ACCEPTED
    )
    Invitation.objects.create(
        consultation=other, organisation=other_organisation, status=InvitationStatus.ACCEPTED
    )
    rsvp_token = _sent_invitation(other, "Kommunen Mitt", "municipality")
    revoked_rsvp_token = _sent_invitation(other, "Region Norr", "region", revoked=True)

    # A transactional test's flush (browser, notes) takes away what the migration made; the world's
    # staff are in the groups as the migration makes them, whichever test ran before.
    staff_groups = staff_groups_ensure()
    users: dict[Role, User | None] = {
        "anonymous": None,
        "participant_other": _user("annan@example.org", organisation=other_organisation),
        "participant": _user("deltagare@example.org", organisation=organisation),
        "group_member": _user("gruppmedlem@example.org", organisation=organisation),
        "organiser": _user("organisator@example.org", groups=[staff_groups[ORGANISERS]]),
        "approver": _user("godkannare@example.org", groups=[staff_groups[APPROVERS]]),
        "superuser": User.objects.create_superuser(email="admin@example.org", password=PASSWORD),
    }
    assert set(users) == set(ROLES), "world.py must build a user for every role in the registry"

    in_moderation = _consultation("Sakråd för granskning", "granskning", today + dt.timedelta(days=120))
    in_moderation.live = False
    index.add_child(instance=in_moderation)
    in_moderation.save_revision(user=users["organiser"])
    _awaiting_approval(in_moderation, users["organiser"], staff_groups[APPROVERS])

    # Co-creation (issue 7): "participant" reviews the draft's questions in its working group, the
    # upcoming consultation takes open input, and the held one's draft minutes take corrections.
    WorkingGroupMember.objects.create(consultation=draft, user=users["participant"])
    OpenInputPeriod.objects.create(
        consultation=other, opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=40),
    )
    held, draft_minutes = _held_with_draft_minutes(index, organisation, users["participant"], today)
    # Carry-over (issue 8): a takeaway of the published minutes, taken up again by the upcoming one.
    takeaway = Takeaway.objects.create(page=minutes, question_number=1, text="Fleråriga bidrag.")
    other.carried_takeaways.add(takeaway)
    other.save_revision().publish()

    breakout_group = breakout_group_create(consultation=consultation, name="Grupp 1")
    group_member_add(group=breakout_group, person=users["group_member"])
    note_taking_open(consultation=consultation)

    world = World(
        breakout_group=breakout_group,
        held_consultation=held,
        annual_cycle=annual_cycle,
        draft_minutes=draft_minutes,
        home=home,
        index=index,
        consultation=consultation,
        minutes=minutes,
        other_consultation=other,
        draft=draft,
        in_moderation=in_moderation,
        private_page=private_page,
        standard_page=standard_page,
        organisation=organisation,
        other_organisation=other_organisation,
        document=_document("Program", "program.pdf", root_collection),
        private_document=_document("Intern promemoria", "promemoria.pdf", private_collection),
        rsvp_token=rsvp_token,
        revoked_rsvp_token=revoked_rsvp_token,
        users=users,
    )
    # Logged in with the world, outside any one test's savepoint (World.sessions).
    world.log_everyone_in()
    return world


def _documents_on_disk(media_root) -> dict:
    # Documents are served from files on disk, as in production (FileSystemStorage): Wagtail's
    # serve view streams a local path, and the in-memory test storage pretends to have one.
    return {
        "MEDIA_ROOT": str(media_root),
        "STORAGES": {
            **django_settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        },
    }


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    for name, value in _documents_on_disk(tmp_path / "media").items():
        setattr(settings, name, value)
    return build_world()


@pytest.fixture(scope="module")
def _world_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world for a module, rolled back at its end: building it takes about a second, and the
    gates that only read (a GET per registry row) would otherwise build it a hundred times."""
    with (
        override_settings(**_documents_on_disk(tmp_path_factory.mktemp("media"))),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        built = build_world()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def shared_world(_world_once, db) -> World:
    """`world` for tests that change nothing lasting: each still runs in its own savepoint (`db`)
    and starts with an empty cache, so no test sees another's changes or rate-limit counts."""
    cache.clear()
    return _world_once

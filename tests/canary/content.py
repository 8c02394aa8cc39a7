"""A small site where everything that must stay private carries a unique canary string.

Public content carries a marker of its own (`Canaries.public_marker`): the crawl must find that one,
which shows a canary would be found too if it leaked.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from accounts.models import User
from consultations.models import ConsultationIndexPage, ConsultationPage
from evaluations.models import Evaluation, EvaluationAnswer
from home.models import HomePage, StandardPage
from invitations.models import Invitation, InvitationStatus
from join_requests.models import JoinRequest, JoinRequestStatus
from minutes.models import MinutesPage, Takeaway
from organisations.models import Organisation
from outcomes.models import Follower
from panel_questions.models import PanelQuestion, QuestionStatus
from priorities.models import PriorityOption, PriorityRound, PriorityVoter

CANARY_PREFIX = "KANARIE"


@dataclass
class Canaries:
    secrets: dict[str, str] = field(default_factory=dict)  # canary -> what it marks
    public_marker: str = field(default_factory=lambda: f"SYNLIG-{uuid.uuid4().hex[:12]}")
    public_urls: dict[str, str] = field(default_factory=dict)  # what -> url path
    private_urls: dict[str, str] = field(default_factory=dict)  # what -> url path (must not be listed)
    unpublished: dict[str, Page] = field(default_factory=dict)  # what -> page with a private revision

    def new(self, what: str) -> str:
        value = f"{CANARY_PREFIX}-{uuid.uuid4().hex[:12]}"
        self.secrets[value] = what
        return value

    def email(self, what: str) -> str:
        return f"{self.new(what).lower()}@example.org"


def _consultation(title: str, slug: str, days: int, **fields) -> ConsultationPage:
    return ConsultationPage(
        title=title,
        slug=slug,
        ministry="Arbetsmarknadsdepartementet",
        date=timezone.localdate() + dt.timedelta(days=days),
        start_time=dt.time(9, 0),
        end_time=dt.time(12, 0),
        venue_address="Drottninggatan 1, Stockholm",
        **fields,
    )


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _draft(parent: Page, page: Page, user: User | None = None) -> Page:
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(user=user)
    return page


def _restrict(page: Page) -> None:
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def build() -> Canaries:
    cache.clear()  # Wagtail caches the site root paths
    c = Canaries()
    marker = c.public_marker

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Sakråd", slug="kanarie-hem"))
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "port": 80, "root_page": home, "site_name": "Sakråd"},
    )
    index = _publish(home, ConsultationIndexPage(title="Sakråd", slug="sakrad"))
    about = _publish(
        home, StandardPage(title="Om sakråd", slug="om", introduction=marker, show_in_menus=True)
    )

    user = User.objects.create_user(
        email=c.email("a user's email address"),
        password="Ett-lösenord-för-kanarietest-1",
        first_name=c.new("a user's first name"),
        last_name=c.new("a user's last name"),
    )

    # Public: a past consultation with published minutes, and an upcoming one.
    public = _publish(
        index,
        _consultation(f"Unga och integration {marker}", "unga-och-integration", -60, introduction=marker),
    )
    minutes = _publish(
        public, MinutesPage(title="Minnesanteckningar", slug="minnesanteckningar", summary=marker)
    )
    upcoming = _publish(index, _consultation("Lokalt förebyggande arbete", "lokalt-arbete", 30))
    c.public_urls.update(
        {
            "home": home.url,
            "index": index.url,
            "about": about.url,
            "consultation": public.url,
            "minutes": minutes.url,
            "upcoming": upcoming.url,
        }
    )

    # Invited organisations: names are public, contact addresses and answers are not.
    invited = Organisation.objects.create(
        name=f"Föreningen Framtid {marker}",
        kind="association",
        county="AB",
        contact_emails=f"{c.email('an organisation contact email')}\n{c.email('a second contact email')}",
        contact_name=c.new("an organisation's contact person"),
        contact_email=c.email("an organisation's contact person's own e-mail"),
    )
    # An organisation that asked not to be shown as a participant: counted, never named (issue 22).
    unnamed = Organisation.objects.create(
        name=c.new("an organisation that may not be shown"), kind="association", may_be_shown=False
    )
    Invitation.objects.create(consultation=public, organisation=unnamed, status=InvitationStatus.ACCEPTED)
    declined = Organisation.objects.create(
        name="Stiftelsen Stöd", kind="foundation", contact_emails=c.email("a declining organisation's email")
    )
    user.organisation = invited
    user.save()
    invitation = Invitation.objects.create(
        consultation=public, organisation=invited, status=InvitationStatus.ACCEPTED
    )
    refusal = Invitation.objects.create(
        consultation=public, organisation=declined, status=InvitationStatus.DECLINED
    )
    Invitation.objects.create(
        consultation=upcoming, organisation=declined, status=InvitationStatus.WAITLISTED
    )
    if hasattr(refusal, "decline_comment"):
        refusal.decline_comment = c.new("an invitation's decline comment")
        refusal.save()
    _attendee(c, invitation, user)

    # A newer draft of a published consultation and of published minutes.
    public.title = c.new("the title of an unpublished revision")
    public.introduction = c.new("the introduction of an unpublished revision")
    public.easy_read_body = f"<p>{c.new('an unpublished easy-to-read version')}</p>"
    public.save_revision(user=user)
    minutes.summary = c.new("the summary of an unpublished minutes revision")
    minutes.easy_read_body = f"<p>{c.new('an unpublished easy-to-read version of minutes')}</p>"
    minutes.save_revision(user=user)
    c.unpublished.update(
        {"consultation with a draft revision": public, "minutes with a draft revision": minutes}
    )

    # Never published: a draft consultation, draft minutes, and a consultation in moderation.
    draft = _draft(
        index,
        _consultation(
            c.new("a draft consultation's title"), "utkast", 90, introduction=c.new("a draft's introduction")
        ),
        user,
    )
    draft_minutes = _draft(
        upcoming,
        MinutesPage(
            title=c.new("draft minutes' title"),
            slug="utkast-anteckningar",
            summary=c.new("draft minutes' summary"),
        ),
        user,
    )
    moderated = _draft(
        index,
        _consultation(
            c.new("the title of a page in moderation"),
            "granskning",
            120,
            introduction=c.new("a moderated introduction"),
        ),
        user,
    )
    workflow = moderated.get_workflow()
    if workflow is not None:
        workflow.start(moderated, user)
    c.unpublished.update(
        {"draft consultation": draft, "draft minutes": draft_minutes, "page in moderation": moderated}
    )

    # Private (login required): a standard page, a consultation with its minutes, and minutes of a public one.
    private_page = _publish(
        home,
        StandardPage(
            title=c.new("a private page's title"), slug="internt", introduction=c.new("a private page's text")
        ),
    )
    _restrict(private_page)
    private_consultation = _publish(
        index,
        _consultation(
            c.new("a private consultation's title"),
            "internt-sakrad",
            20,
            introduction=c.new("a private introduction"),
        ),
    )
    _restrict(private_consultation)
    private_consultation_minutes = _publish(
        private_consultation,
        MinutesPage(
            title=c.new("a private consultation's minutes title"),
            slug="anteckningar",
            summary=c.new("private minutes"),
        ),
    )
    held = _publish(index, _consultation("Ett hållet sakråd", "hallet", -10))
    restricted_minutes = _publish(
        held,
        MinutesPage(
            title=c.new("restricted minutes' title"), slug="anteckningar", summary=c.new("restricted summary")
        ),
    )
    _restrict(restricted_minutes)
    c.public_urls["held consultation"] = held.url

    _panel_questions(c, public, user, marker)
    _priorities(c, public, user)
    _evaluation(c, held)
    _join_requests(c)

    _register(c, minutes, hidden=[draft_minutes, private_consultation_minutes, restricted_minutes])

    c.private_urls.update(
        {
            "draft consultation": draft.url,
            "draft minutes": draft_minutes.url,
            "page in moderation": moderated.url,
            "private page": private_page.url,
            "private consultation": private_consultation.url,
            "private consultation's minutes": private_consultation_minutes.url,
            "restricted minutes": restricted_minutes.url,
        }
    )
    c.unpublished.update({"private page": private_page, "private consultation": private_consultation})
    return c


def _panel_questions(c: Canaries, consultation: ConsultationPage, asker: User, marker: str) -> None:
    """Questions to the panel: the unread, hidden and merged ones never reach a public page, nor does
    who asked; the one the panel did not reach is on the minutes (the marker), without a name."""
    shown = PanelQuestion.objects.create(
        consultation=consultation, text=f"Hann inte {marker}", status=QuestionStatus.FOLLOW_UP, asked_by=asker
    )
    for status in (QuestionStatus.PENDING, QuestionStatus.HIDDEN, QuestionStatus.APPROVED):
        PanelQuestion.objects.create(
            consultation=consultation,
            text=c.new(f"a {status} question to the panel"),
            status=status,
            asked_by=asker,
        )
    PanelQuestion.objects.create(
        consultation=consultation,
        text=c.new("a merged question to the panel"),
        status=QuestionStatus.MERGED,
        merged_into=shown,
        asked_by=asker,
    )


def _priorities(c: Canaries, consultation: ConsultationPage, voter: User) -> None:
    """A prioritisation round open on the day: the takeaways it copied from the groups' notes and its
    counts are for the room (the wall, the attendees' phones), never a public page."""
    round = PriorityRound.objects.create(consultation=consultation, opened_at=timezone.now())
    PriorityOption.objects.create(
        round=round, group_name=c.new("a round's group"), text=c.new("a round's option")
    )
    PriorityVoter.objects.create(round=round, user=voter)


def _register(c: Canaries, minutes: MinutesPage, *, hidden: list[MinutesPage]) -> None:
    """The register of what happened next (/uppfoljning/): a public takeaway with the marker and a
    follower's address (never shown); the takeaways of minutes nobody may read are never listed. The
    crawl reaches the register from the footer and from EXTRA_ENTRY_POINTS (it is no page: not in the
    sitemap, as the search is not)."""
    public = Takeaway.objects.create(page=minutes, text=f"Medskick {c.public_marker}", sort_order=0)
    Follower.objects.create(
        takeaway=public, email=c.email("a follower's address"), confirmed_at=timezone.now()
    )
    for page in hidden:
        text = c.new(f"a takeaway of {page.slug} (not public)")
        Takeaway.objects.create(page=page, text=text, sort_order=0)


def _evaluation(c: Canaries, consultation: ConsultationPage) -> None:
    """An attendee's evaluation comment: staff only, never on any public page."""
    evaluation = Evaluation.objects.create(
        consultation=consultation, closes_at=timezone.now() + dt.timedelta(days=7), recipient_count=3
    )
    EvaluationAnswer.objects.create(
        evaluation=evaluation, could_say=4, comment=c.new("an evaluation comment")
    )


def _join_requests(c: Canaries) -> None:
    """Requests to take part (/intresseanmalan/): for the staff who vet them only, never on a public
    page, whether unconfirmed, waiting, or declined with a reason."""
    for status in (JoinRequestStatus.UNCONFIRMED, JoinRequestStatus.PENDING, JoinRequestStatus.DECLINED):
        JoinRequest.objects.create(
            organisation_name=c.new(f"the name of an organisation in a {status} join request"),
            organisation_number="202100-5448",
            kind="association",
            county="AB",
            contact_name=c.new(f"a {status} join request's contact"),
            contact_email=c.email(f"a {status} join request's contact address"),
            motivation=c.new(f"why a {status} join request's organisation wants to take part"),
            consented_at=timezone.now(),
            status=status,
            decline_reason=c.new("a join request's reason for declining") if status == "declined" else "",
        )


def _attendee(c: Canaries, invitation: Invitation, user: User) -> None:
    """A named attendee with needs: personal data for the organisers only (when the model exists)."""
    try:
        from invitations.models import Attendee
    except ImportError:
        return
    Attendee.objects.create(
        invitation=invitation,
        consultation=invitation.consultation,
        user=user,
        name=c.new("an attendee's name"),
        email=c.email("an attendee's email"),
        dietary_needs=c.new("an attendee's dietary needs"),
        access_needs_other=c.new("an attendee's access needs"),
    )

"""`demo_seed()`: the whole demo in one transaction, safe to run any number of times."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from wagtail.models import Workflow, WorkflowPage

from consultations.models import ConsultationIndexPage
from cycle.models import AnnualCyclePage
from home.models import StandardPage
from minutes.services import workflow as minutes_workflow

from . import (
    accounts,
    co_creation,
    directory,
    evaluations,
    events,
    join_requests,
    live,
    organisation_details,
    organisation_import,
    outcomes,
    panel_questions,
    priorities,
    site_tree,
    translations,
)
from .content import (
    accessibility,
    kartlyftet_2025,
    languages,
    minutes_2024,
    organisations,
    people,
    sakrad_2024,
    site,
    themes,
    upcoming,
)
from .content import accounts as demo_accounts
from .content import today as held_today
from .tally import Tally


@transaction.atomic
def demo_seed(*, stdout=None, today: dt.date | None = None) -> dict:
    """Create what is missing and leave what exists; return counts of created and existing rows.

    `today` anchors the upcoming consultations, the one held that day (groups formed, note-taking
    open) and the accessibility statement's date the first time they are created (default: the
    local date).
    """
    today = today or timezone.localdate()
    tally = Tally(stdout)
    home = _site(today, tally)
    theme_rows = directory.ensure_themes(themes.THEMES, tally)
    organisation_rows = directory.ensure_organisations(organisations.ORGANISATIONS, tally)
    person_rows = directory.ensure_people(people.PEOPLE, organisation_rows, tally)
    index = site_tree.publish_child(
        home, site.INDEX["slug"], lambda: ConsultationIndexPage(**site.INDEX), tally
    )
    context = {"people": person_rows, "themes": theme_rows, "organisations": organisation_rows}
    past = events.ensure_consultation(index, sakrad_2024.SAKRAD_2024, today=today, tally=tally, **context)
    past_minutes = events.ensure_minutes(past, minutes_2024.MINUTES_2024, tally)
    events.ensure_consultation(index, kartlyftet_2025.KARTLYFTET_2025, today=today, tally=tally, **context)
    upcoming_pages = [
        events.ensure_consultation(index, data, today=today, tally=tally, **context)
        for data in upcoming.UPCOMING
    ]
    live_page = events.ensure_consultation(index, held_today.TODAY, today=today, tally=tally, **context)
    _accounts(organisation_rows, tally)
    organisation_details.organisation_details_ensure(
        organisations=organisation_rows, themes=theme_rows, tally=tally
    )
    _minutes_workflow(past_minutes, tally)
    outcomes.outcomes_ensure(minutes=past_minutes, tally=tally)  # the register (/uppfoljning/)
    join_requests.join_requests_ensure(themes=theme_rows, tally=tally)  # two waiting to be vetted
    organisation_import.organisation_import_ensure(tally=tally)  # an imported register, after the accounts
    # After the accounts: the demo participants are named by their existing logins, not new ones.
    live.live_consultation_ensure(
        consultation=live_page,
        attendees=held_today.attendees_by_organisation(),
        group_names=held_today.GROUP_NAMES,
        points=held_today.FIRST_GROUP_POINTS,
        tally=tally,
    )
    panel_questions.panel_questions_ensure(past=past, live_page=live_page, tally=tally)
    evaluations.evaluations_ensure(past=past, live_page=live_page, today=today, tally=tally)
    priorities.priorities_ensure(past=past, past_minutes=past_minutes, live_page=live_page, tally=tally)
    co_creation.co_creation_ensure(
        review_page=upcoming_pages[-1], input_pages=[upcoming_pages[0], live_page], held_page=live_page,
        tally=tally,
    )
    return tally.as_dict()


def _site(today: dt.date, tally):
    home = site_tree.ensure_home(site.HOME, tally)
    about = site_tree.publish_child(home, site.ABOUT["slug"], lambda: StandardPage(**site.ABOUT), tally)
    # What a sakråd is and how to take part, in the national minority languages (docs/languages.md).
    translations.translations_ensure(home=home, about=about, translations=languages.TRANSLATIONS, tally=tally)
    site_tree.publish_child(
        home, site.ANNUAL_CYCLE["slug"], lambda: AnnualCyclePage(**site.ANNUAL_CYCLE), tally
    )
    statement = site_tree.publish_child(
        home,
        accessibility.ACCESSIBILITY["slug"],
        lambda: StandardPage(**accessibility.statement(today)),
        tally,
    )
    site_tree.ensure_accessibility_settings(home, statement, accessibility.CONTACT_EMAIL, tally)
    return home


def _minutes_workflow(minutes_page, tally) -> None:
    """The approval workflow (as migration minutes 0003 makes it), now with the Approvers' page
    permissions on the consultation index that exists by now; the demo minutes are under it."""
    created = not Workflow.objects.filter(name=minutes_workflow.WORKFLOW_NAME).exists()
    minutes_workflow.minutes_workflow_ensure()
    tally.record("workflow", created=created, label=minutes_workflow.WORKFLOW_NAME)
    if not WorkflowPage.objects.filter(page=minutes_page).exists():
        minutes_workflow.minutes_workflow_assign(page=minutes_page)


def _accounts(organisation_rows, tally) -> None:
    groups = accounts.ensure_groups(tally)
    for row in demo_accounts.STAFF:
        fields = {key: row[key] for key in ("first_name", "last_name")}
        member_of = [groups[name] for name in row["groups"]]
        accounts.ensure_user(row["email"], tally, groups=member_of, superuser=row["superuser"], **fields)
    for email, first_name, last_name, organisation in demo_accounts.PARTICIPANTS:
        accounts.ensure_user(
            email,
            tally,
            first_name=first_name,
            last_name=last_name,
            organisation=organisation_rows[organisation],
        )

"""The staff roles as the product defines them: one Wagtail group each, with exactly these permissions.

This is the one place in code that says what each role may do; docs/roles.md says it in words and
tests/roles/ checks it screen by screen. The groups are made by this app's migrations (and kept so by
`services.staff_groups_ensure`); a change here needs a new migration that calls it again.

Names are stored in English (they are data, matched by the minutes workflow and the demo). Wagtail
shows them only to superusers (Settings → Groups and Users), as stored; the msgids below give them their
Swedish names (Arrangörer, Godkännare, Redaktörer) wherever we show them ourselves.

What a permission opens, and why each role holds it:

- `wagtailadmin.access_admin`: the door to /admin/, which is what makes an account staff
  (sakrad/roles.py: with a second factor in production).
- Page permissions sit on the root of the page tree, so they cover every site and every page made
  later. Minutes are the exception: only approvers publish them (minutes/services/workflow.py), everyone
  else submits them to the "Minutes approval" workflow.
- Our own screens each ask for a model permission *and* the right to add or edit the consultation's
  page (`sakrad.roles.staff_may`), so a role without the permission is refused even where its page
  rights would reach.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ORGANISERS = "Organisers"
APPROVERS = "Approvers"
EDITORS = "Editors"

# For makemessages: the stored names above, translated where we show them.
_("Organisers")
_("Approvers")
_("Editors")

ADMIN_ACCESS = "wagtailadmin.access_admin"

# The Wagtail group approval task whose groups are the roles that approve minutes (`approves_minutes`),
# the one step of the minutes workflow (minutes/services/workflow.py). Stored in Swedish (minutes 0007):
# Wagtail's admin shows it as stored, inside its own sentences.
APPROVAL_TASK = "Godkännande av enhetschef"


@dataclass(frozen=True)
class StaffRole:
    name: str
    model_permissions: tuple[str, ...]  # "app_label.codename"
    page_permissions: tuple[str, ...] = ()  # wagtailcore codenames, on the root of the page tree
    collection_permissions: tuple[str, ...] = ()  # "app_label.codename", on the root collection
    approves_minutes: bool = False  # a group of APPROVAL_TASK


ORGANISER = StaffRole(
    name=ORGANISERS,
    model_permissions=(
        ADMIN_ACCESS,
        # The directory: themes, organisations and the people named on pages, picked while planning.
        "consultations.view_theme",
        "consultations.add_theme",
        "consultations.change_theme",
        "organisations.view_organisation",
        "organisations.add_organisation",
        "organisations.change_organisation",
        "organisations.view_person",
        "organisations.add_person",
        "organisations.change_person",
        # Invitations, answers, the waiting list, check-in (invitations.permissions.MANAGE_PERMISSION);
        # seeing them (and so the representation figures, counted from them).
        "invitations.change_invitation",
        "invitations.view_invitation",
        # Running the day: breakout groups (snippets and the groups screen), note-taking, the group
        # pages and the plenary wall (breakouts.permissions.MANAGE_PERMISSION).
        "breakouts.view_breakoutgroup",
        "breakouts.add_breakoutgroup",
        "breakouts.change_breakoutgroup",
        # Co-creation and afterwards: each screen's own permission (its app's permissions.py).
        "working_groups.change_workinggroupmember",
        "open_input.change_inputanswer",
        "minutes.add_minutespage",  # compiling creates the minutes draft
        "corrections.change_correctionround",
        # Prioritising at the plenary: start and close a round (priorities.permissions.MANAGE_PERMISSION).
        "priorities.change_priorityround",
        # Questions to the panel: open, moderate, answer in writing (panel_questions.permissions).
        "panel_questions.change_panelquestion",
        "records.change_consultationrecord",
        # The consultation's e-mail: see every mail with its state and send a failed one again
        # (outbox.permissions.PERMISSION).
        "outbox.change_outboxmail",
        # The attendees' evaluation: send it (and the one reminder), read the results and their CSV
        # (evaluations.permissions).
        "evaluations.add_evaluation",
        "evaluations.view_evaluationanswer",
        # "Translate" on a page: a draft copy in a minority language, then edited and published like any
        # page (docs/languages.md). It adds pages, so editors, who add none, edit and publish the copies.
        "simple_translation.submit_translation",
    ),
    # Create consultations and pages under them, and publish them (minutes only through approval).
    page_permissions=("add_page", "change_page", "publish_page"),
    # Upload and use programmes, presentations and pictures.
    collection_permissions=(
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
    ),
)

# The head of unit approves or sends back minutes submitted to the workflow. The approval task lets its
# group open the submitted draft in the editor and preview it (Wagtail's GroupApprovalTask), so no page
# permission is needed, and none is given: an approver edits and publishes nothing else.
APPROVER = StaffRole(name=APPROVERS, model_permissions=(ADMIN_ACCESS,), approves_minutes=True)

# Edits the texts of pages, published ones and minutes drafts included, and publishes their changes
# (needed: Wagtail's default moderation is switched off, so an unpublished edit would wait for no one);
# minutes still go through approval. Adds no pages, runs no screen of the day, and may link to the
# documents and pictures already uploaded but not upload or change them.
EDITOR = StaffRole(
    name=EDITORS,
    model_permissions=(ADMIN_ACCESS,),
    page_permissions=("change_page", "publish_page"),
    collection_permissions=("wagtaildocs.choose_document", "wagtailimages.choose_image"),
)

STAFF_ROLES: tuple[StaffRole, ...] = (ORGANISER, APPROVER, EDITOR)
STAFF_ROLES_BY_NAME = {role.name: role for role in STAFF_ROLES}

# Wagtail's own starting groups and workflow (its migrations make them): "Editors" is taken over as
# ours above; "Moderators" and the "Moderators approval" workflow on every page are not part of the
# product, and are removed (the workflow deactivated) by migration 0001.
WAGTAIL_MODERATORS = "Moderators"
WAGTAIL_MODERATION_WORKFLOW = "Moderators approval"

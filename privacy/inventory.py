"""The data inventory: every model field that holds personal data, and why, for how long, and what
erasure does to it. One place, so that the docs, the export and the erasure agree.

tests/privacy/test_inventory.py fails when a field that looks personal is in neither list below,
when an entry names a field that no longer exists, and when docs/privacy.md drifts from this file.
How to classify a new field: docs/privacy.md, "Classifying a new field".
"""

from dataclasses import dataclass
from enum import StrEnum

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from evaluations.retention import LINK_KEEP_DAYS
from organisation_details.periods import CONFIRM_DAYS as CONTACT_CONFIRM_DAYS
from organisation_details.periods import LINK_DAYS as CONTACT_LINK_DAYS
from outcomes.tokens import CONFIRM_DAYS as FOLLOW_CONFIRM_DAYS

# Models whose rows are people; a relation to one of them is personal data (besides the user model).
PERSON_MODELS = ("organisations.Person", "invitations.Attendee")

# Access and dietary needs can reveal health (GDPR art. 9): kept only until the event is over.
# The setting is what `manage.py erase_attendee_needs` uses by default, so the docs state the real period.
NEEDS_RETENTION_DAYS = settings.SAKRAD_NEEDS_RETENTION_DAYS


class Category(StrEnum):
    IDENTITY = "identity"
    CONTACT = "contact"
    AFFILIATION = "affiliation"
    PUBLIC_ROLE = "public role"
    PARTICIPATION = "participation"
    SPECIAL_NEEDS = "special needs"
    AUTHORED = "authored content"
    ATTRIBUTION = "attribution"
    TECHNICAL = "technical/login"


class Action(StrEnum):
    """What erasing a person does to the field.

    ERASE on a relation to the user model means the rows exist only for that person and are deleted;
    such a relation must be on_delete=CASCADE, so erasure never deletes more than deleting the
    account would. KEEP on a relation keeps the row, which then points at the pseudonymised account.
    """

    ERASE = "erase"
    PSEUDONYMISE = "pseudonymise"
    KEEP = "keep"


@dataclass(frozen=True)
class Entry:
    model: str  # Model._meta.label, e.g. "accounts.User"
    field: str
    category: Category
    purpose: str
    retention: str
    action: Action

    @property
    def label(self) -> str:
        return f"{self.model}.{self.field}"


@dataclass(frozen=True)
class NotPersonal:
    model: str
    field: str
    reason: str

    @property
    def label(self) -> str:
        return f"{self.model}.{self.field}"


OFFICIAL_RECORD = _("kept as an official record (allmän handling)")
UNTIL_ACCOUNT_ERASED = _("until the account is erased")
ON_REQUEST = _("until the person asks, or the role ends; staff erase it in the directory")
WITH_SOURCE = _("as long as the object it was copied from")
WITH_INVITATION = _("with the invitation; deleted when the person is erased")
UNTIL_HANDLED = _("until the organisers mark it handled, with the invitation at the latest; deleted when "
                  "the person is erased")
OUTBOX_KEPT = format_lazy(
    _("deleted {days} days after it was queued, once sent or failed; deleted when the person is erased"),
    days=settings.SAKRAD_OUTBOX_KEEP_DAYS,
)
CONTACT_PERSON_KEPT = _("until the organisation names another contact person; removed when the person is "
                        "erased")
ERASED_AFTER_EVENT = format_lazy(_("erased {days} days after the event"), days=NEEDS_RETENTION_DAYS)

EVALUATION_LINK_KEPT = format_lazy(
    _("deleted when used, or {days} days after the evaluation closed; deleted with the attendee"),
    days=LINK_KEEP_DAYS,
)
JOIN_REQUEST_KEPT = format_lazy(
    _("declined or never confirmed: erased {days} days after; accepted: kept with the organisation it added"),
    days=settings.SAKRAD_JOIN_REQUESTS_KEEP_DAYS,
)
C, A = Category, Action  # short names keep each entry to a line or two
INVENTORY: tuple[Entry, ...] = (
    # The account (ours). Pseudonymised rather than deleted, so that kept records stay consistent.
    Entry("accounts.User", "email", C.CONTACT, _("login and notifications"), UNTIL_ACCOUNT_ERASED,
          A.PSEUDONYMISE),
    Entry("accounts.User", "username", C.IDENTITY, _("mirrors the email for Wagtail's user admin"),
          UNTIL_ACCOUNT_ERASED, A.PSEUDONYMISE),
    Entry("accounts.User", "first_name", C.IDENTITY, _("shown to staff and group members"),
          UNTIL_ACCOUNT_ERASED, A.PSEUDONYMISE),
    Entry("accounts.User", "last_name", C.IDENTITY, _("shown to staff and group members"),
          UNTIL_ACCOUNT_ERASED, A.PSEUDONYMISE),
    Entry("accounts.User", "organisation", C.AFFILIATION, _("which organisation the person represents"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("accounts.User", "password", C.TECHNICAL, _("login (a salted hash)"), UNTIL_ACCOUNT_ERASED,
          A.ERASE),
    Entry("accounts.User", "last_login", C.TECHNICAL, _("security follow-up"), UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("accounts.User", "date_joined", C.TECHNICAL, _("when the account was created"),
          _("as long as the account row, pseudonymised or not"), A.KEEP),
    # allauth: addresses, confirmation keys and second factors exist only for their person.
    Entry("account.EmailAddress", "user", C.CONTACT, _("login by email and login codes"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("account.EmailAddress", "email", C.CONTACT, _("login by email and login codes"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("account.EmailConfirmation", "email_address", C.CONTACT, _("confirming an address"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("mfa.Authenticator", "user", C.TECHNICAL, _("two-factor login"), UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("mfa.Authenticator", "data", C.TECHNICAL, _("two-factor secrets; never exported"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("sessions.Session", "session_data", C.TECHNICAL, _("keeping the person logged in"),
          _("until the session expires or the account is erased"), A.ERASE),
    # Wagtail: the admin's own per-user state.
    Entry("wagtailusers.UserProfile", "user", C.TECHNICAL, _("admin preferences"), UNTIL_ACCOUNT_ERASED,
          A.ERASE),
    Entry("wagtailusers.UserProfile", "avatar", C.IDENTITY, _("picture in the admin"), UNTIL_ACCOUNT_ERASED,
          A.ERASE),
    Entry("wagtailusers.UserProfile", "preferred_language", C.TECHNICAL, _("admin preferences"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("wagtailusers.UserProfile", "current_time_zone", C.TECHNICAL, _("admin preferences"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("wagtailadmin.EditingSession", "user", C.TECHNICAL, _("showing who else is editing"),
          _("minutes; until the account is erased at the latest"), A.ERASE),
    Entry("wagtailadmin.FormState", "user", C.TECHNICAL, _("unsaved form drafts"), UNTIL_ACCOUNT_ERASED,
          A.ERASE),
    Entry("wagtailadmin.FormState", "data", C.AUTHORED, _("unsaved form drafts"), UNTIL_ACCOUNT_ERASED,
          A.ERASE),
    Entry("wagtailcore.APIToken", "user", C.TECHNICAL, _("API access"), UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("wagtailcore.APIToken", "name", C.TECHNICAL, _("the token's label, chosen by its owner"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("wagtailcore.PageSubscription", "user", C.TECHNICAL, _("comment notifications"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    # Wagtail: who did what. The record stays; after erasure it names only the pseudonym.
    Entry("wagtailcore.Page", "owner", C.ATTRIBUTION, _("who created the page"), OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.Page", "locked_by", C.ATTRIBUTION, _("who locked the page for editing"),
          _("until the page is unlocked"), A.KEEP),
    Entry("wagtailcore.Revision", "user", C.ATTRIBUTION, _("who saved a version"), OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.PageLogEntry", "user", C.ATTRIBUTION, _("audit trail"), OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.ModelLogEntry", "user", C.ATTRIBUTION, _("audit trail"), OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.ModelLogEntry", "label", C.IDENTITY,
          _("audit trail; for entries about an account it is the account's name"), OFFICIAL_RECORD,
          A.PSEUDONYMISE),
    Entry("admin.LogEntry", "user", C.ATTRIBUTION, _("audit trail of the Django admin"), OFFICIAL_RECORD,
          A.KEEP),
    Entry("admin.LogEntry", "object_repr", C.IDENTITY,
          _("audit trail; for entries about an account it is the account's name"), OFFICIAL_RECORD,
          A.PSEUDONYMISE),
    Entry("wagtailcore.Comment", "user", C.ATTRIBUTION, _("editorial comments on a draft"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.Comment", "text", C.AUTHORED, _("editorial comments on a draft"), OFFICIAL_RECORD,
          A.KEEP),
    Entry("wagtailcore.Comment", "resolved_by", C.ATTRIBUTION, _("editorial comments on a draft"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.CommentReply", "user", C.ATTRIBUTION, _("editorial comments on a draft"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.CommentReply", "text", C.AUTHORED, _("editorial comments on a draft"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.WorkflowState", "requested_by", C.ATTRIBUTION, _("approval of minutes"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.TaskState", "finished_by", C.ATTRIBUTION, _("approval of minutes"), OFFICIAL_RECORD,
          A.KEEP),
    Entry("wagtailcore.TaskState", "comment", C.AUTHORED, _("approval of minutes"), OFFICIAL_RECORD, A.KEEP),
    Entry("wagtaildocs.Document", "uploaded_by_user", C.ATTRIBUTION, _("who uploaded a document"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailimages.Image", "uploaded_by_user", C.ATTRIBUTION, _("who uploaded an image"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("wagtailcore.UploadedFile", "uploaded_by_user", C.ATTRIBUTION, _("an upload in progress"),
          _("until the upload is completed"), A.KEEP),
    Entry("wagtailsearch.IndexEntry", "title", C.IDENTITY, _("site search; copies names of indexed people"),
          WITH_SOURCE, A.ERASE),
    Entry("wagtailsearch.IndexEntry", "body", C.IDENTITY, _("site search; copies names of indexed people"),
          WITH_SOURCE, A.ERASE),
    Entry("wagtailsearch.IndexEntry", "autocomplete", C.IDENTITY,
          _("site search; copies names of indexed people"), WITH_SOURCE, A.ERASE),
    Entry("wagtailembeds.Embed", "author_name", C.IDENTITY, _("credit for an embedded recording"),
          WITH_SOURCE, A.KEEP),
    # Invitations and attendees (ours). Needs are special categories: art. 9, see docs/privacy.md.
    Entry("invitations.Attendee", "name", C.IDENTITY, _("name badges and the list of attendees"),
          WITH_INVITATION, A.ERASE),
    Entry("invitations.Attendee", "email", C.CONTACT, _("practical information before the event"),
          WITH_INVITATION, A.ERASE),
    Entry("invitations.Attendee", "user", C.IDENTITY, _("links the attendee to their account"),
          WITH_INVITATION, A.ERASE),
    Entry("invitations.Attendee", "checked_in_at", C.PARTICIPATION, _("who came"), WITH_INVITATION,
          A.ERASE),
    Entry("invitations.Attendee", "access_needs", C.SPECIAL_NEEDS, _("arranging access at the event"),
          ERASED_AFTER_EVENT, A.ERASE),
    Entry("invitations.Attendee", "access_needs_other", C.SPECIAL_NEEDS, _("arranging access at the event"),
          ERASED_AFTER_EVENT, A.ERASE),
    Entry("invitations.Attendee", "dietary_needs", C.SPECIAL_NEEDS, _("arranging food at the event"),
          ERASED_AFTER_EVENT, A.ERASE),
    # A person an RSVP link named but may not add (a staff account, another organisation's): the
    # organisers' to-do, deleted when handled (invitations/services/holds.py).
    Entry("invitations.HeldAttendee", "name", C.IDENTITY,
          _("organisers follow up a person a link could not add"), UNTIL_HANDLED, A.ERASE),
    Entry("invitations.HeldAttendee", "email", C.CONTACT,
          _("organisers follow up a person a link could not add"), UNTIL_HANDLED, A.ERASE),
    Entry("invitations.HeldAttendee", "account", C.IDENTITY,
          _("which account the address belongs to; organisers only"), UNTIL_HANDLED, A.ERASE),
    Entry("invitations.Invitation", "decline_comment", C.AUTHORED, _("why an organisation declined"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("invitations.InvitationSend", "created_by", C.ATTRIBUTION, _("who sent invitations"),
          OFFICIAL_RECORD, A.KEEP),
    # Site settings (ours). Meant for a shared mailbox; a person's address here is personal data.
    Entry("home.SiteSettings", "accessibility_contact_email", C.CONTACT,
          _("where visitors report accessibility problems (DOS-lagen)"),
          _("until staff replace it in the site settings; prefer a shared mailbox"), A.ERASE),
    # The outbox (ours): every e-mail until it is done and some days after (SAKRAD_OUTBOX_KEEP_DAYS).
    *[
        Entry("outbox.OutboxMail", name, C.CONTACT,
              _("sending the e-mail, and showing staff whether it went"), OUTBOX_KEPT, A.ERASE)
        for name in ("to", "subject", "body", "html", "attachments", "error")
    ],
    # The public register (issue 20, outcomes/): an address that follows a takeaway, no account. Mailed
    # only once confirmed; deleted on unsubscribe (a link in every mail), unconfirmed after a few days.
    Entry("outcomes.Follower", "email", C.CONTACT,
          _("e-mailing news of a takeaway the person asked to follow"),
          format_lazy(_("until they unsubscribe; unconfirmed: {days} days"), days=FOLLOW_CONFIRM_DAYS),
          A.ERASE),
    # Requests to take part (issue 22, join_requests/): read by the staff who vet them only, once the
    # contact confirmed from the address; never published. Deleted with the person named as contact.
    *[
        Entry("join_requests.JoinRequest", name, category, purpose, JOIN_REQUEST_KEPT, A.ERASE)
        for name, category, purpose in (
            ("contact_name", C.IDENTITY, _("who to answer about a request to take part; staff only")),
            ("contact_email", C.CONTACT,
             _("confirming a request to take part and answering it; invitations once accepted")),
            ("motivation", C.AUTHORED, _("why an organisation wants to take part; staff only")),
            ("decline_reason", C.AUTHORED, _("why staff declined a request, as mailed to the applicant")),
        )
    ],
    Entry("join_requests.JoinRequest", "decided_by", C.ATTRIBUTION,
          _("who accepted or declined a request to take part"), JOIN_REQUEST_KEPT, A.KEEP),
    # Organisations and public figures (ours).
    Entry("organisations.Organisation", "contact_emails", C.CONTACT,
          _("sending invitations; an address may name a person"),
          _("while the organisation is invited; a person's address is removed when they are erased"),
          A.ERASE),
    # The contact person who keeps the organisation's details (docs/organisations.md): one named person.
    Entry("organisations.Organisation", "contact_name", C.IDENTITY,
          _("who keeps the organisation's details; shown to staff"), CONTACT_PERSON_KEPT, A.ERASE),
    Entry("organisations.Organisation", "contact_email", C.CONTACT,
          _("the contact person's personal link to the organisation's details"), CONTACT_PERSON_KEPT,
          A.ERASE),
    Entry("organisations.ContactLink", "email", C.CONTACT,
          _("the address a personal link went to: it works only while that is the contact e-mail"),
          format_lazy(_("until a new link replaces it, or {days} days"), days=CONTACT_LINK_DAYS), A.ERASE),
    Entry("organisations.ContactEmailChange", "email", C.CONTACT,
          _("confirming a new contact person's address from itself"),
          format_lazy(_("until confirmed; unconfirmed: {days} days"), days=CONTACT_CONFIRM_DAYS), A.ERASE),
    Entry("organisations.Person", "name", C.IDENTITY, _("naming hosts, speakers and press contacts"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("organisations.Person", "title", C.PUBLIC_ROLE, _("naming hosts, speakers and press contacts"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("organisations.Person", "organisation", C.AFFILIATION,
          _("naming hosts, speakers and press contacts"), OFFICIAL_RECORD, A.KEEP),
    Entry("organisations.Person", "organisation_text", C.AFFILIATION,
          _("naming hosts, speakers and press contacts"), OFFICIAL_RECORD, A.KEEP),
    Entry("organisations.Person", "photo", C.IDENTITY, _("speaker pages"), ON_REQUEST, A.ERASE),
    Entry("organisations.Person", "public_email", C.CONTACT, _("press and speaker contact"), ON_REQUEST,
          A.ERASE),
    Entry("organisations.Person", "public_phone", C.CONTACT, _("press and speaker contact"), ON_REQUEST,
          A.ERASE),
    Entry("consultations.ConsultationPage", "host", C.PUBLIC_ROLE, _("who hosts the consultation"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("consultations.ConsultationPage", "press_contact", C.PUBLIC_ROLE, _("press contact for the event"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("consultations.ConsultationSpeaker", "person", C.PUBLIC_ROLE, _("who speaks at the event"),
          OFFICIAL_RECORD, A.KEEP),
    # Breakout groups and their live notes (ours). The minutes attribute nothing to named people.
    Entry("breakouts.GroupMembership", "user", C.PARTICIPATION, _("who is in which breakout group"),
          UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("breakouts.BreakoutGroup", "facilitator", C.PARTICIPATION, _("who leads a breakout group"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("breakouts.BreakoutGroup", "note_taker", C.PARTICIPATION, _("who keeps a group's notes tidy"),
          OFFICIAL_RECORD, A.KEEP),
    # Open input (issue 7): nothing about the sender is stored; an organisation's name is optional
    # and seen by staff only; "remove personal data" erases text and name.
    Entry("open_input.InputAnswer", "text", C.AUTHORED,
          _("open input to a consultation; published de-attributed once approved"), OFFICIAL_RECORD, A.KEEP),
    Entry("open_input.InputAnswer", "organisation_name", C.AFFILIATION,
          _("who answered, if they chose to say; staff only"), OFFICIAL_RECORD, A.KEEP),
    Entry("open_input.InputAnswer", "age_band", C.IDENTITY,
          _("whether young people were reached; only counted, never shown with the answer"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("open_input.InputAnswer", "moderated_by", C.ATTRIBUTION, _("who moderated an answer"),
          OFFICIAL_RECORD, A.KEEP),
    # A consultation's working group (issue 7): members see and comment on its draft.
    Entry("working_groups.WorkingGroupMember", "user", C.PARTICIPATION,
          _("who may review a draft consultation"), UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("working_groups.WorkingGroupMember", "added_by", C.ATTRIBUTION,
          _("who named a working group member"), OFFICIAL_RECORD, A.KEEP),
    Entry("working_groups.QuestionComment", "author", C.ATTRIBUTION,
          _("who commented on a draft question"), OFFICIAL_RECORD, A.KEEP),
    Entry("working_groups.QuestionComment", "text", C.AUTHORED, _("a comment on a draft question"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("working_groups.QuestionComment", "resolved_by", C.ATTRIBUTION, _("who resolved a comment"),
          OFFICIAL_RECORD, A.KEEP),
    # Questions to the panel (issue 20): who asked is for the moderators only, never public; the
    # question is kept (on the minutes when the panel did not reach it), pointing at the pseudonym.
    Entry("panel_questions.PanelQuestion", "asked_by", C.ATTRIBUTION,
          _("who asked the panel a question: staff only, to moderate and to tell them of the answer"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("panel_questions.PanelQuestion", "text", C.AUTHORED,
          _("a question to the panel; shown to the room and on the minutes without a name"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("panel_questions.QuestionSupport", "user", C.PARTICIPATION,
          _("who supports a question: only counted, never shown"), UNTIL_ACCOUNT_ERASED, A.ERASE),
    Entry("working_groups.QuestionComment", "resolution", C.AUTHORED, _("how a comment was resolved"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("records.ConsultationRecord", "archived_by", C.ATTRIBUTION,
          _("who last exported a consultation's archive for the registry"), OFFICIAL_RECORD, A.KEEP),
    # Attendees' corrections to draft minutes (issue 7): the minutes never name who suggested.
    Entry("corrections.CorrectionSuggestion", "author", C.ATTRIBUTION,
          _("who suggested a correction to draft minutes; staff only"), OFFICIAL_RECORD, A.KEEP),
    Entry("corrections.CorrectionSuggestion", "text", C.AUTHORED,
          _("a suggested correction to draft minutes"), OFFICIAL_RECORD, A.KEEP),
    Entry("corrections.CorrectionSuggestion", "decided_by", C.ATTRIBUTION,
          _("who accepted or declined a correction"), OFFICIAL_RECORD, A.KEEP),
    Entry("corrections.CorrectionSuggestion", "note", C.AUTHORED, _("the ministry's answer to a correction"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("corrections.CorrectionRound", "opened_by", C.ATTRIBUTION, _("who opened a correction round"),
          OFFICIAL_RECORD, A.KEEP),
    # Prioritising at the plenary (issue 20): a vote is only a count; who voted is kept only while the
    # round is open, to refuse a second ballot, and never says what they chose.
    Entry("priorities.PriorityVoter", "user", C.PARTICIPATION,
          _("that a person has voted in an open round (not how), to refuse a second ballot"),
          _("until the round closes"), A.ERASE),
    Entry("priorities.PriorityRound", "opened_by", C.ATTRIBUTION, _("who started a prioritisation round"),
          OFFICIAL_RECORD, A.KEEP),
    Entry("priorities.PriorityRound", "closed_by", C.ATTRIBUTION, _("who closed a prioritisation round"),
          OFFICIAL_RECORD, A.KEEP),
    # The attendees' evaluation (issue 20): a link says who was mailed one until it is used; the answer
    # is stored with no link to the person or the link, so erasure cannot find it (nor can anyone else).
    Entry("evaluations.EvaluationLink", "attendee", C.PARTICIPATION,
          _("who was sent an evaluation link, to mail it and remind them once"), EVALUATION_LINK_KEPT,
          A.ERASE),
    Entry("evaluations.EvaluationLink", "token_hash", C.TECHNICAL,
          _("the hash of the personal link, so that it answers once"), EVALUATION_LINK_KEPT, A.ERASE),
    Entry("evaluations.EvaluationAnswer", "comment", C.AUTHORED,
          _("an attendee's comment in the evaluation; staff only, never published; stored without its "
            "author, though its words may say who wrote it"), OFFICIAL_RECORD, A.KEEP),
    Entry("evaluations.Evaluation", "sent_by", C.ATTRIBUTION, _("who sent a consultation's evaluation"),
          OFFICIAL_RECORD, A.KEEP),
    # The register's import (organisation_import/): the file is read into rows, kept only until confirmed.
    Entry("organisation_import.ImportRun", "started_by", C.ATTRIBUTION,
          _("who imported a spreadsheet into the register"), OFFICIAL_RECORD, A.KEEP),
    Entry("organisation_import.ImportRun", "rows", C.CONTACT,
          _("an uploaded spreadsheet's rows, contact names and addresses included, between upload and "
            "confirm"),
          _("emptied when the import is confirmed; an unconfirmed upload is deleted after a day"), A.KEEP),
    Entry("organisation_import.ImportMapping", "user", C.TECHNICAL,
          _("remembering which columns a staff member chose for a spreadsheet"), UNTIL_ACCOUNT_ERASED,
          A.ERASE),
    Entry("notes.NoteUpdate", "author", C.ATTRIBUTION,
          _("who sent an edit of the live notes, for handling abuse; never shown"),
          _("until the edit is folded into a snapshot"), A.KEEP),
    Entry("notes.NoteAuthorBytes", "author", C.ATTRIBUTION,
          _("how much one person has sent to a group's notes, for the per-member quota; never shown"),
          _("as long as the group"), A.ERASE),
    Entry("notes.NoteWriter", "author", C.ATTRIBUTION,
          _("whose browser wrote with which client id in a group's notes, for each person's share"),
          _("as long as the group"), A.ERASE),
)

NOT_PERSONAL: tuple[NotPersonal, ...] = (
    NotPersonal("organisations.Organisation", "name",
                "a legal person: associations, foundations, municipalities, agencies"),
    NotPersonal("join_requests.JoinRequest", "organisation_name",
                "the name of the organisation asking to take part: a legal person"),
    NotPersonal("consultations.ConsultationPage", "venue_name", "a meeting venue, not a home"),
    NotPersonal("consultations.ConsultationPage", "venue_address", "a meeting venue, not a home"),
    NotPersonal("consultations.Theme", "name", "a consultation theme"),
    NotPersonal("auth.Group", "name", "a role, such as Editors"),
    NotPersonal("auth.Permission", "name", "describes a permission"),
    NotPersonal("auth.Permission", "codename", "describes a permission"),
    NotPersonal("taggit.Tag", "name", "a tag on a document or image"),
    NotPersonal("wagtailcore.Collection", "name", "a folder of documents and images"),
    NotPersonal("wagtailcore.Workflow", "name", "an approval workflow"),
    NotPersonal("wagtailcore.Task", "name", "a step in an approval workflow"),
    NotPersonal("wagtailcore.Site", "hostname", "the site's domain"),
    NotPersonal("wagtailcore.Site", "site_name", "the site's name"),
    NotPersonal("wagtailembeds.Embed", "provider_name", "a platform such as YouTube"),
    NotPersonal("wagtailcore.CommentReply", "comment", "the comment replied to; its text is classified"),
    NotPersonal("invitations.Attendee", "needs_erased_at", "when the needs were erased; holds no needs"),
    NotPersonal("admin.LogEntry", "change_message", "names the fields that changed, not their values"),
    NotPersonal("breakouts.BreakoutGroup", "name", "a group's name, such as Group 1"),
    NotPersonal("priorities.PriorityOption", "group_name", "a copy of a breakout group's name"),
    NotPersonal("invitations.InvitationDelivery", "mail",
                "which outbox mail carried it; the mail is classified"),
    NotPersonal("django_tasks_database.DBTaskResult", "backend_name", "the name of a job backend"),
    NotPersonal("django_tasks_database.DBTaskResult", "queue_name", "the name of a job queue"),
)


def classified_labels() -> set[str]:
    return {entry.label for entry in (*INVENTORY, *NOT_PERSONAL)}


def resolve(entry: Entry):
    return apps.get_model(entry.model)._meta.get_field(entry.field)


def user_relations() -> list[tuple[Entry, models.Field]]:
    """Entries that point at an account, with their fields: what export counts and erasure acts on."""
    pairs = [(entry, resolve(entry)) for entry in INVENTORY]
    return [
        (entry, field)
        for entry, field in pairs
        if field.is_relation and field.related_model._meta.label == settings.AUTH_USER_MODEL
    ]

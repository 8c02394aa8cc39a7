"""Other projects' models, whose classes are not ours to decorate: which of them public pages show.

Our own models declare themselves where they are defined (`declarations.py`). When in doubt a
model affects public pages: a rare write costs one render per page, a wrong exemption a stale page.
"""

AFFECTING = (
    # What Wagtail serves: the page tree, which site and language a page belongs to, whether it is
    # public at all (view restrictions, of pages and of the collections documents live in).
    "wagtailcore.Page", "wagtailcore.Site", "wagtailcore.Locale", "wagtailcore.PageViewRestriction",
    "wagtailcore.Collection", "wagtailcore.CollectionViewRestriction",
    # What pages show and link to: images, documents, tags, redirects, search results.
    "wagtailimages.Image", "wagtaildocs.Document", "taggit.Tag", "taggit.TaggedItem",
    "wagtailredirects.Redirect", "wagtailsearch.IndexEntry", "wagtailsearch.SQLiteFTSIndexEntry",
    # Which class renders a page; written only by migrations.
    "contenttypes.ContentType",
)

LEAVING_ALONE = (
    # Editing in Wagtail: drafts, history, comments, uploads in progress, where objects are used. A
    # public page reads the live rows, and publishing writes those.
    "wagtailcore.Revision", "wagtailcore.PageLogEntry", "wagtailcore.ModelLogEntry",
    "wagtailcore.Comment", "wagtailcore.CommentReply", "wagtailcore.PageSubscription",
    "wagtailcore.UploadedFile", "wagtailcore.ReferenceIndex",
    "wagtailadmin.EditingSession", "wagtailadmin.FormState", "wagtailadmin.Admin",
    # Moderation workflows: who approves what, and where a submission stands.
    "wagtailcore.Workflow", "wagtailcore.WorkflowTask", "wagtailcore.WorkflowContentType",
    "wagtailcore.WorkflowPage", "wagtailcore.WorkflowState", "wagtailcore.Task",
    "wagtailcore.GroupApprovalTask", "wagtailcore.TaskState",
    # Staff permissions and API tokens: who may edit, never what a visitor sees.
    "auth.Permission", "auth.Group", "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission", "wagtailcore.GroupSitePermission", "wagtailcore.APIToken",
    # Holds no rows: only the permission to translate pages (docs/languages.md).
    "simple_translation.SimpleTranslation",
    # Logging in: sessions, e-mail addresses and their confirmations, second factors, admin
    # preferences, Django admin's log. Busy on the day, and personal.
    "sessions.Session", "account.EmailAddress", "account.EmailConfirmation", "mfa.Authenticator",
    "wagtailusers.UserProfile", "admin.LogEntry",
    # The job queue's rows (outbox/): background work, never shown to a visitor.
    "django_tasks_database.DBTaskResult",
    # Written by reading a page (the first render makes them), from what the page's own rows hold.
    "wagtailimages.Rendition", "wagtailembeds.Embed",
)

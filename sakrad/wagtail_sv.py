"""Wagtail's admin texts that its Swedish catalogue lacks (Wagtail 8.0), as msgids for ours.

Our catalogue comes first in LOCALE_PATHS, so a msgid translated there is Swedish wherever Wagtail says
it; makemessages finds these here. Only what our staff meet: the page editor (autosave, scheduling,
privacy, workflow, accessibility checks), listings, the dashboard and the messages after an action.
tests/i18n/test_no_untranslated_text.py finds any that a screen still shows in English. Plural forms
are left out: Wagtail's ngettext texts count pages in bulk actions our roles do not run.

Nothing imports this module: it is read by makemessages only.
"""

from django.utils.translation import gettext_noop as _

WAGTAIL_ADMIN = [
    # The editor's header and footer.
    _("Saved"),
    _("Autosave is paused"),
    _("Autosave is <span>paused</span>"),
    _("Actions (footer)"),
    _("Edit account avatar"),
    _("Side panels"),
    _("Side panel width"),
    _("Minimap"),
    _("Currently viewing"),
    _("Currently idle"),
    _("One other user is currently viewing"),
    _("Refresh"),
    _("Refreshing…"),
    _("Compare"),
    _("View latest version"),
    _("Alternatively, you can view the latest version in a new tab."),
    _("Saving will overwrite a newer version."),
    _("You saved a new version in another window"),
    _("%(user_name)s saved a new version"),
    _("%(user_name)s has unsaved changes"),
    _("Proceeding will overwrite the changes made by %(user_name)s."),
    _("Proceeding will overwrite the changes you made in that window."),
    _("A network error occurred"),
    _(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to "
        "view the last saved version."
    ),
    _("There are validation errors, click save to highlight them."),
    _("Add a concise description for search engines"),
    _("Placeholder title"),
    _("Locked by"),
    _("Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."),
    _("account"),
    # Scheduling and privacy.
    _("Go-live:"),
    _("Expiry:"),
    _("Once scheduled:"),
    _("Anyone with editing permissions can create schedules"),
    _("But only those with publishing permissions can make them effective."),
    _("Invalid schedule"),
    _("Choose when this %(model_name)s should go live and/or expire"),
    _("Privacy is inherited from the ancestor page - %(ancestor_page)s"),
    _("Changing the privacy for this page has been disabled."),
    # Workflow.
    _("Cancelled by %(cancelled_by)s"),
    _("Changes requested %(finished_at)s"),
    _("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    _("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    _("The %(model_name)s '%(title)s' is not currently awaiting moderation in task '%(task_name)s'."),
    _("To be created by %(user)s"),
    # Messages after saving.
    _("%(model_name)s '%(object)s' created and published."),
    _("%(model_name)s '%(object)s' created and scheduled for publishing."),
    _("%(model_name)s '%(object)s' created and submitted for moderation."),
    _("%(model_name)s '%(object)s' updated and published."),
    _("%(model_name)s '%(object)s' has been scheduled for publishing."),
    _("%(model_name)s '%(object)s' has been submitted for moderation."),
    _("%(model_name)s '%(object)s' is live and this version has been scheduled for publishing."),
    _("%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s."),
    _("'%(page_title)s' has been moved successfully."),
    _("The page could not be saved as it is locked."),
    _("The %(model_name)s could not be saved as it is locked"),
    _(
        "The slug '%(page_slug)s' is already in use at the selected parent page. Make sure the slug is "
        "unique and try again."
    ),
    _('You do not have permission to publish pages at "%(page_title)s"'),
    _("You are viewing a previous version of this %(model_name)s from <b>%(created_at)s</b> by %(user)s"),
    # Listings.
    _("There are no %(model_name)s to display."),
    _("Create a new %(model_name)s"),
    _("Date updated"),
    _("Exploring"),
    _("Any"),
    _("Anyone"),
    _("Sort item order"),
    _("Enable custom ordering"),
    _("Disable custom ordering"),
    _(
        "Focus on the drag button and press up or down arrows to move the item, then press enter to "
        "submit the change."
    ),
    _("%(field_label)s:"),
    _("Page/Snippet Type"),
    _("Show issue"),
    # The accessibility checker of the editor.
    _("Empty heading found"),
    _("Use meaningful text for screen reader users"),
    _("Incorrect heading hierarchy"),
    _("Avoid skipping levels"),
    _("Misusing paragraphs as headings"),
    _("Use proper heading tags"),
    _("Link text is empty"),
    _("Use meaningful text"),
    _("Button text is empty"),
    _("Input button text is empty"),
    _("Empty frame title found"),
    _("Use a meaningful title for screen reader users"),
    _("Table header text is empty"),
    _("Image alt text has inappropriate pattern"),
    _("Meta description is empty"),
    # Wagtail's core: the page history and forms.
    _("%(model_name)s scheduled for publishing"),
    _("%(model_name)s scheduled for publishing at %(go_live_at)s"),
    _("%(model_name)s unscheduled for publishing at %(go_live_at)s"),
    _("%(model_name)s unscheduled from publishing"),
    _("Removed the '%(restriction)s' view restriction. The page is public."),
    _("- Select an option -"),
    # Documents and images.
    _("Maximum filesize: %(max_upload_size)s."),
    _("The filter options you have selected are not valid."),
]

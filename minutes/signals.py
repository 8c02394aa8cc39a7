"""The minutes' receiver of Wagtail's `page_published`, connected for MinutesPage only in
MinutesConfig.ready(). The work itself is in minutes/services/; the admin's hooks (publishing kept to
approvers, the log actions) are in minutes/wagtail_hooks.py."""

from wagtail.search.index import insert_or_update_object

from .services.notify import follow_up_notify, minutes_publication_notify


def minutes_published(sender, instance, **kwargs) -> None:
    """Index the minutes again, tell those who attended, once; then any follow-up not yet told."""
    # The search index entry is written when the page row is saved, before its takeaways (their one
    # record, searched with the page) are written: a corrected takeaway would be found by its old words.
    insert_or_update_object(instance)
    first = minutes_publication_notify(page=instance)
    # The first publication's email already leads to the page with its follow-ups on it.
    follow_up_notify(page=instance, announce=not first)

"""The register's mails as the outbox knows them (registered from apps.py): a follower's are built when
they are sent (outcomes/mail.py), so the signed links are never stored and the RFC 8058 headers go out.

Imported while the app registry loads, before any model may be: the builders are reached by dotted
path when a mail is sent."""

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from outbox.purposes import Purpose


def _confirm(mail):
    return import_string("outcomes.mail.confirm_message_build")(mail)


def _change(mail):
    return import_string("outcomes.mail.change_message_build")(mail)


PURPOSES = {
    "outcomes-confirm": Purpose(label=_("Confirm following a takeaway"), build=_confirm),
    "outcomes-change": Purpose(label=_("News about a followed takeaway"), build=_change),
    "outcomes-reminder": Purpose(label=_("Takeaways without a response")),
}

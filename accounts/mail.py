"""allauth's e-mails as ours: Swedish first, English below, signed with the site's name, links on the
configured base URL (sakrad/links.py), built by the one bilingual message of invitations/mail.py.

allauth's own say "Hello from <host:port>!" with "[<host:port>]" before the subject, in one language.
Its templates (account/email/<name>_message.txt) are replaced by ours of the same names; the security
notices, which say one sentence each, share one template (account/email/notice_message.*).
"""

import logging
from urllib.parse import urlsplit

from allauth.account import app_settings as allauth_settings
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sakrad.links import absolute_url
from sakrad.mail import bilingual_message, login_url

logger = logging.getLogger(__name__)

FOLDER = "account/email"
NOTICE_SUBJECT = _("A change to your account at %(site_name)s")
CONFIRM_SUBJECT = _("Confirm your email address at %(site_name)s")
# allauth's name for an e-mail -> its subject; the template is FOLDER/<last part>_message.
MESSAGES = {
    "account/email/login_code": _("Your login code for %(site_name)s"),
    "account/email/password_reset_key": _("Choose a new password for %(site_name)s"),
    "account/email/password_reset_code": _("Your code to choose a new password for %(site_name)s"),
    "account/email/unknown_account": _("No account with this address at %(site_name)s"),
    "account/email/account_already_exists": _("You already have an account at %(site_name)s"),
    "account/email/email_confirmation": CONFIRM_SUBJECT,
    # Nobody signs up here, but the one template serves both.
    "account/email/email_confirmation_signup": CONFIRM_SUBJECT,
}
# Security notices: allauth sends them only with ACCOUNT_EMAIL_NOTIFICATIONS on, which it is not (yet).
NOTICES = {
    "account/email/password_reset": _("The password of your account was reset."),
    "account/email/password_changed": _("The password of your account was changed."),
    "account/email/password_set": _("A password was set for your account."),
    "account/email/email_changed": _("The email address of your account was changed."),
    "account/email/email_confirm": _("An email address of your account was confirmed."),
    "account/email/email_deleted": _("An email address was removed from your account."),
    "mfa/email/totp_activated": _("Two-factor authentication with an authenticator app was turned on."),
    "mfa/email/totp_deactivated": _("Two-factor authentication with an authenticator app was turned off."),
    "mfa/email/recovery_codes_generated": _(
        "New recovery codes were made for your account; the earlier ones no longer work."
    ),
    "mfa/email/webauthn_added": _("A security key was added to your account."),
    "mfa/email/webauthn_removed": _("A security key was removed from your account."),
}
# Links allauth builds into the context, on the request's host and in the request's language.
LINKS = ("password_reset_url", "activate_url")


def is_ours(template_prefix: str) -> bool:
    return template_prefix in MESSAGES or template_prefix in NOTICES


def link_in(url: str, language: str) -> str:
    """allauth's link as ours: the same page in `language`, on the configured base URL."""
    path = urlsplit(url).path
    # translate_url resolves in the active language: the one the link was made in.
    with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
        path = translate_url(path, language)
    return absolute_url(path)


def account_message(template_prefix: str, email: str | list[str], context: dict):
    """The e-mail allauth calls `template_prefix`, to `email`, with allauth's context."""
    if template_prefix in NOTICES:
        template, subject = "notice_message", NOTICE_SUBJECT
        context = {**context, "notice": NOTICES[template_prefix]}
    else:
        name = template_prefix.rsplit("/", 1)[1].removesuffix("_signup")
        template, subject = f"{name}_message", MESSAGES[template_prefix]

    def context_for(language):
        links = {key: link_in(context[key], language) for key in LINKS if context.get(key)}
        return {
            **context,
            **links,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "login_url": login_url(language=language),
            "code_minutes": allauth_settings.LOGIN_BY_CODE_TIMEOUT // 60,
        }

    return bilingual_message(
        folder=FOLDER,
        template=template,
        subject=subject,
        subject_params={"site_name": settings.WAGTAIL_SITE_NAME},
        context_for=context_for,
        to=[email] if isinstance(email, str) else list(email),
    )


class OurAccountEmails:
    """For the account adapter, before allauth's: every e-mail allauth sends is rendered by us."""

    def render_mail(self, template_prefix, email, context, headers=None):
        if not is_ours(template_prefix):
            # A new e-mail in an allauth upgrade (tests/links/test_emails.py checks allauth's):
            # sent as allauth makes it rather than not at all, with our subject prefix.
            logger.warning("allauth e-mail %s has no template of ours", template_prefix)
            return super().render_mail(template_prefix, email, context, headers=headers)
        message = account_message(template_prefix, email, context)
        message.from_email = self.get_from_email()
        message.extra_headers.update(headers or {})
        return message

    def format_email_subject(self, subject):
        # allauth's default is "[<host:port>] subject"; only a fallback above still uses it.
        return f"{settings.WAGTAIL_SITE_NAME}: {subject}"

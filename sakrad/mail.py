"""Every e-mail of ours in one layout: Swedish first, English below, plain text with an HTML
alternative, signed with the site's name and address. Each app keeps its own templates and subjects.

Each message is rendered once per language from the same templates (English msgids, Swedish from the
catalogue), so the two halves always say the same thing.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from .links import absolute_url

LANGUAGES = ("sv", "en")
TEXT_SEPARATOR = "\n\n" + "-" * 60 + "\n\n"


def login_url(*, language: str) -> str:
    # allauth's "send me a code" page: works for accounts that never had a password.
    with translation.override(language):
        return absolute_url(reverse("account_request_login_code"))


def _signature(extension: str) -> str:
    """The site's name and address under every message, in the active language, whoever's template it
    is: a reader knows at once who wrote, and where to go without a link in the text."""
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": absolute_url(reverse("wagtail_serve", args=[""])),
    }
    return render_to_string(f"email/signature.{extension}", context).strip()


def bilingual_message(
    *,
    template: str,
    subject,
    subject_params: dict,
    context_for: Callable[[str], dict],
    to: list[str],
    folder: str,
) -> EmailMultiAlternatives:
    """One email from <folder>/<template>.txt/.html, every language in turn, in the shared layout;
    `subject` is a lazy msgid."""
    subjects, texts, htmls = [], [], []
    for language in LANGUAGES:
        with translation.override(language):
            context = {**context_for(language), "language": language}
            subjects.append(str(subject) % subject_params)
            text = render_to_string(f"{folder}/{template}.txt", context).strip()
            texts.append(text + "\n\n" + _signature("txt"))
            html = render_to_string(f"{folder}/{template}.html", context).strip() + "\n" + _signature("html")
            htmls.append(mark_safe(html))  # rendered by the template engine, so already escaped
    subject_line = " / ".join(dict.fromkeys(subjects))  # once only, while a translation is missing
    html = render_to_string(
        "email/layout.html",
        {"sections": list(zip(LANGUAGES, htmls, strict=True)), "subject": subjects[0]},
    )
    message = EmailMultiAlternatives(
        subject=subject_line.replace("\n", " "), body=TEXT_SEPARATOR.join(texts), to=to
    )
    message.attach_alternative(html, "text/html")
    return message

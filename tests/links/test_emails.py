"""Every e-mail is ours: Swedish first and English below, signed with the site's name, no host and
port anywhere, and every link absolute on the configured base URL, never on the Site record's
"localhost" nor on the host a request came by."""

from pathlib import Path

import pytest
from django.conf import settings

from accounts.mail import is_ours
from minutes.services.workflow import WORKFLOW_NAME
from sakrad import mail as shared_mail
from sakrad.mail import TEXT_SEPARATOR
from staff_roles.groups import APPROVAL_TASK

from .conftest import BASE, not_on_base
from .emails import send_every_email

# What each mail says and where its links lead, not how it was stored: the first pass (SQLite) shows it.
pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Pieces of other e-mails' templates, not e-mails of their own.
INCLUDES = {"invitations/email/details.txt", "email/signature.txt"}
# The step and workflow names as stored, in English: Wagtail's own subjects ended in them.
STEP_NAMES = (APPROVAL_TASK, WORKFLOW_NAME, "Moderators approval")


@pytest.fixture
def rendered(monkeypatch) -> set[str]:
    """The templates every bilingual e-mail was rendered from."""
    names = set()
    real = shared_mail.render_to_string

    def recording(template_name, *args, **kwargs):
        names.add(template_name)
        return real(template_name, *args, **kwargs)

    monkeypatch.setattr(shared_mail, "render_to_string", recording)
    return names


@pytest.fixture
def every_email(base_url, index, rendered, django_capture_on_commit_callbacks) -> dict[str, list]:
    base_url()
    return send_every_email(lambda: django_capture_on_commit_callbacks(execute=True), index)


def _messages(every_email):
    return [(name, message) for name, messages in every_email.items() for message in messages]


def _html(message) -> str:
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    return html


def _everything(message) -> str:
    """Subject, text, HTML and attachments (the .ics), with iCalendar's folded lines joined."""
    attachments = [content.decode() if isinstance(content, bytes) else content
                   for _name, content, _kind in message.attachments]
    text = "\n".join([message.subject, message.body, _html(message), *attachments])
    return text.replace("\r\n ", "").replace("\n ", "")


def test_every_email_template_is_sent(every_email, rendered):
    """A new e-mail joins these tests by being sent in tests/links/emails.py."""
    on_disk = {
        str(path.relative_to(TEMPLATES))
        for folder in TEMPLATES.glob("**/email")
        for path in folder.glob("*.txt")
    }
    assert on_disk - INCLUDES - rendered == set()


def test_every_link_is_on_the_configured_base(every_email):
    wrong = {name: not_on_base(_everything(message)) for name, message in _messages(every_email)}
    assert {name: found for name, found in wrong.items() if found} == {}
    for name, message in _messages(every_email):
        hrefs = [part.split('"', 1)[0] for part in _html(message).split('href="')[1:]]
        assert all(href.startswith(BASE + "/") for href in hrefs), (name, hrefs)


def test_every_email_is_swedish_then_english_and_signed(every_email):
    for name, message in _messages(every_email):
        swedish_subject, english_subject = message.subject.split(" / ")
        assert swedish_subject != english_subject, name
        swedish, english = message.body.split(TEXT_SEPARATOR)
        assert swedish != english, name
        for section, home in ((swedish, BASE + "/"), (english, BASE + "/en/")):
            assert section.endswith(f"{settings.WAGTAIL_SITE_NAME}\n{home}"), (name, section[-200:])
        html = _html(message)
        assert html.index('<div lang="sv">') < html.index('<div lang="en">'), name
        assert html.count(settings.WAGTAIL_SITE_NAME) >= 2, name


def test_no_english_sentence_in_the_swedish_half(every_email):
    """A sentence left untranslated shows up in both halves. Short lines may be names, codes or the
    consultation's own text, the same in both."""
    for name, message in _messages(every_email):
        swedish, english = message.body.split(TEXT_SEPARATOR)
        sentences = [line for line in english.splitlines() if len(line.split()) >= 6 and "://" not in line]
        assert [line for line in sentences if line in swedish] == [], name


def test_allauth_emails_name_the_site_and_no_host(every_email):
    allauth = [name for name in every_email if name.startswith(("account/", "mfa/"))] + [
        "login code", "password reset", "unknown account"
    ]
    for name in allauth:
        for message in every_email[name]:
            assert settings.WAGTAIL_SITE_NAME in message.subject, (name, message.subject)
            assert not message.subject.startswith("["), message.subject
            assert "Hello from" not in message.body and "Hej från" not in message.body, name


def test_the_login_code_email_says_the_code_in_both_languages(every_email):
    [message] = every_email["login code"]
    assert message.subject == "Din inloggningskod till Sakråd / Your login code for Sakråd"
    swedish, english = message.body.split(TEXT_SEPARATOR)
    assert "Här är din kod för att logga in på Sakråd:" in swedish
    assert "Here is your code to log in to Sakråd:" in english
    code = english.split("log in to Sakråd:\n\n", 1)[1].split("\n", 1)[0]
    assert code and code in swedish


def test_approval_emails_name_no_workflow_step(every_email):
    for name in ("approval requested", "approval submitted", "approved", "sent back"):
        for message in every_email[name]:
            for step in STEP_NAMES:
                assert step not in _everything(message), (name, step)
            assert "Sakråd om" in message.subject, "minutes are named with their consultation"
    [sent_back] = every_email["sent back"]
    assert "Stryk namnen." in sent_back.body
    assert sent_back.subject.startswith("Skickad tillbaka för ändringar: ")


def test_the_reset_link_is_in_each_language_on_the_base(every_email):
    [message] = every_email["password reset"]
    swedish, english = message.body.split(TEXT_SEPARATOR)
    assert f"{BASE}/accounts/password/reset/key/" in swedish
    assert f"{BASE}/en/accounts/password/reset/key/" in english


def test_every_allauth_email_is_one_of_ours():
    """An allauth upgrade that adds an e-mail fails here, rather than sending its default ("Hello from
    <host:port>!") to someone: each e-mail template allauth ships for an app we use has ours."""
    import allauth

    shipped = Path(allauth.__file__).parent / "templates"
    names = {
        str(path.relative_to(shipped)).removesuffix("_message.txt")
        for app in ("account", "mfa")
        for path in (shipped / app / "email").glob("*_message.txt")
    }
    names -= {"account/email/base"}  # the frame the others extend, not an e-mail
    assert {name for name in names if not is_ours(name)} == set()

"""The core's admin plumbing every app uses: the guard of a screen (sakrad/admin_guard.py) and the
lines of the audit log (sakrad/admin_logs.py). The apps' own screens are in the access matrix
(tests/registry.py) and their tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.generic import View
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry

from sakrad.admin_guard import AdminGuardMixin
from sakrad.admin_logs import log_actions_register


class Looked(AdminGuardMixin, View):
    """Records what was asked; lets in whom `let_in` says."""

    let_in = True

    def allowed(self, request, **kwargs):
        self.asked = True
        return self.let_in

    def get(self, request):
        return HttpResponse("screen")

    def post(self, request):
        return HttpResponse("done")


def request(method: str = "get"):
    made = getattr(RequestFactory(), method)("/admin/x/")
    made.user = AnonymousUser()
    return made


@pytest.mark.django_db  # the 403 page reads the site's settings
def test_a_refused_user_gets_a_real_403_not_a_redirect():
    response = type("Refusing", (Looked,), {"let_in": False}).as_view()(request())
    assert response.status_code == 403


def test_an_allowed_user_gets_the_screen():
    response = Looked.as_view()(request())
    assert response.status_code == 200
    assert response.content == b"screen"


@pytest.mark.django_db  # the 403 page reads the site's settings
def test_a_post_only_action_refuses_a_get_before_asking_anything():
    view = type("Action", (Looked,), {"let_in": False, "http_method_names": ["post"], "method_first": True})
    asked = []
    view.allowed = lambda self, request, **kwargs: asked.append(True) or False
    assert view.as_view()(request()).status_code == 405
    assert not asked
    assert view.as_view()(request("post")).status_code == 403


def registered(messages, **options) -> LogActionRegistry:
    """A registry of these actions alone: the hook is run here, never added to Wagtail's."""
    caught = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hooks, "register", lambda name, fn: caught.append((name, fn)))
        log_actions_register(messages, **options)
    [(name, hook)] = caught
    assert name == "register_log_actions"
    registry = LogActionRegistry()
    hook(registry)
    return registry


def line(registry: LogActionRegistry, action: str, data) -> str:
    return registry.formatters[action].format_message(SimpleNamespace(data=data))


def test_a_line_is_filled_from_the_entry_data():
    registry = registered({"test.count": ("Count", "Counted %(n)s things")})
    assert registry.formatters["test.count"].label == "Count"
    assert line(registry, "test.count", {"n": 3}) == "Counted 3 things"


def test_an_entry_without_the_data_shows_the_label():
    # Written by an older version of the text, which named other fields.
    registry = registered({"test.count": ("Count", "Counted %(n)s things")})
    assert line(registry, "test.count", {"old": 1}) == "Count"
    assert line(registry, "test.count", None) == "Count"


def test_prepare_and_a_function_of_the_data():
    registry = registered(
        {
            "test.status": ("Status", "Now %(status)s"),
            "test.choice": ("Choice", lambda data: "yes" if data.get("status") == "Open" else "no"),
        },
        prepare=lambda data: {**data, "status": data.get("status", "").title()},
    )
    assert line(registry, "test.status", {"status": "open"}) == "Now Open"
    assert line(registry, "test.choice", {"status": "open"}) == "yes"

"""Response headers every page carries (Content Security Policy, Permissions Policy), and the
second factor staff need before any page lets them in."""

from urllib.parse import urlencode

from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from .roles import needs_second_factor

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class SakradCSPMiddleware(CSPMiddleware):
    """Our pages get the strict policy (scripts only from us or with the request's nonce).

    Wagtail's own admin widgets still carry a few inline scripts and styles, so the admin alone
    gets them allowed; it is reachable only by logged-in staff.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {
                **(parts.update or {}),
                "script-src": [SELF, UNSAFE_INLINE],
                "style-src": [SELF, UNSAFE_INLINE],
                "img-src": [SELF, "data:", "blob:"],
            }
            # A nonce in the header would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
            # Wagtail's live preview is framed by the editor beside it; its view marks the response
            # X-Frame-Options: SAMEORIGIN, and frame-ancestors must agree or browsers blank it.
            if response.get("X-Frame-Options") == "SAMEORIGIN":
                parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # A view that writes its own policy keeps it (Wagtail's document download sends
        # "default-src 'none'"), but default-src does not cover framing, so that is added.
        policy = response.get(HEADER)
        if policy and "frame-ancestors" not in policy:
            response[HEADER] = f"{policy}; frame-ancestors 'none'"
        return response


class PermissionsPolicyMiddleware:
    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.POLICY)
        return response


# What staff without their second factor may still open: allauth's own pages (login, logout, setting up
# the factor, reauthenticating) and the few of ours that use no account.
OPEN_WITHOUT_SECOND_FACTOR = {"healthz", "readyz", "robots_txt", "set_language"}


def open_without_second_factor(path_info: str) -> bool:
    if path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    try:
        match = resolve(path_info)
    except Resolver404:
        return False
    return match.func.__module__.startswith("allauth.") or match.url_name in OPEN_WITHOUT_SECOND_FACTOR


class StaffSecondFactorMiddleware:
    """With SAKRAD_REQUIRE_STAFF_MFA (production), staff without a second factor have no staff rights
    (sakrad/roles.py), and every page but allauth's sends them to set one up, with ?next= back.

    Every page, not only the staff pages: staff rights are asked for in many places (the admins, the
    group pages, the plenary wall, every app's permissions), so a list of staff URLs would fall behind
    the next view; a page that answers a staff user without a factor with a bare 403 says nothing
    of what to do. Setting a factor up is a one-time step these accounts must take anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.SAKRAD_REQUIRE_STAFF_MFA
            # Without a session nobody is logged in: the session (and Vary: Cookie) stays untouched.
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and needs_second_factor(request.user)
            and not open_without_second_factor(request.path_info)
        ):
            message = _("Staff accounts need two-factor authentication: set up an authenticator app "
                        "to continue.")
            messages.info(request, message, fail_silently=True)
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)

"""Response headers every page carries (Content Security Policy, Permissions Policy), and the
second factor staff need before the admins let them in."""

from urllib.parse import urlencode

from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse

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


def is_staff(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")
    )


class StaffSecondFactorMiddleware:
    """With SAKRAD_REQUIRE_STAFF_MFA (production), staff use the admins only once they have a second
    factor; allauth then asks for it at every login. Until then the admins send them to set one up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.SAKRAD_REQUIRE_STAFF_MFA
            and request.path_info.startswith(ADMIN_PREFIXES)
            and is_staff(request.user)
            and not self.has_second_factor(request.user)
        ):
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)

    @staticmethod
    def has_second_factor(user) -> bool:
        from allauth.mfa.models import Authenticator

        # Recovery codes alone are a fallback, not a factor anyone uses day to day.
        factors = Authenticator.objects.filter(user=user).exclude(type=Authenticator.Type.RECOVERY_CODES)
        return factors.exists()

"""Who is ministry staff, in one place: every permission module, the notes socket and
`StaffSecondFactorMiddleware` ask here; and what a staff role may do on our own screens
(`staff_may`; the roles themselves are in staff_roles/groups.py).

The rule: a staff user has staff rights only once they have a second factor, when
`SAKRAD_REQUIRE_STAFF_MFA` is on (production). A second factor is an authenticator allauth asks for
at every login (TOTP; WebAuthn were it enabled), so having one means this session passed it;
recovery codes alone do not count.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from wagtail.permissions import page_permission_policy

# The door to Wagtail's admin: holding it is what makes an account staff (staff_roles/groups.py).
ADMIN_ACCESS_PERMISSION = "wagtailadmin.access_admin"

# The authenticator lookup, remembered on the user object: a request's user (and the user the notes
# socket reads afresh for each access check) is new each time, so it is one query per request.
_SECOND_FACTOR_CACHE = "_sakrad_has_second_factor"


def _logged_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def holds_staff_role(user) -> bool:
    """May enter Wagtail's admin (superuser or `wagtailadmin.access_admin`): staff by role, whether or
    not their rights count yet (see `is_staff`)."""
    return _logged_in(user) and (user.is_superuser or user.has_perm(ADMIN_ACCESS_PERMISSION))


def has_second_factor(user) -> bool:
    """A TOTP (or WebAuthn) authenticator: what allauth's login asks for. Recovery codes are only a
    fallback for a lost one."""
    cached = getattr(user, _SECOND_FACTOR_CACHE, None)
    if cached is None:
        cached = is_mfa_enabled(user, [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN])
        setattr(user, _SECOND_FACTOR_CACHE, cached)
    return cached


def needs_second_factor(user) -> bool:
    """Staff who must set up a second factor before using staff rights: anyone with a staff role, or
    with Django's `is_staff` flag (the Django admin's door), who has none while it is required."""
    if not (settings.SAKRAD_REQUIRE_STAFF_MFA and _logged_in(user)):
        return False
    return (holds_staff_role(user) or user.is_staff) and not has_second_factor(user)


def is_staff(user) -> bool:
    """Ministry staff with their staff rights: a staff role, and the second factor when required."""
    return holds_staff_role(user) and not needs_second_factor(user)


def staff_may(*, user, permission: str, page=None) -> bool:
    """Staff whose role holds `permission` (a model permission, "app_label.codename": the staff groups
    in staff_roles/groups.py say which role holds which) and, when `page` is given, who may add pages
    under it or edit it, so a unit's staff act on their own part of the tree only. Superusers may all.

    Page rights alone are not enough: editors edit every page and approvers open what they approve,
    yet neither runs a consultation's screens."""
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(permission):
        return False
    if page is None:
        return True
    return page_permission_policy.user_has_any_permission_for_instance(user, ["add", "change"], page)

"""Who may use one of our admin screens: staff without the right get a real 403 page.

Wagtail's admin URLs catch a raised PermissionDenied and redirect to the dashboard with a message
(`wagtail.admin.auth.require_admin_access`), which tells a staff member nothing about the screen they
asked for. So a screen asks here, and answers with Django's 403 page. Who has no admin access at all
never gets this far: Wagtail sends them to the login first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied


def admin_refusal(request):
    """Django's 403 page (templates/403.html)."""
    return permission_denied(request, PermissionDenied())


class AdminGuardMixin:
    """Put first among an admin view's bases. `allowed` loads what the screen is about (a 404 when it
    is missing, before any right is asked) onto the view and says whether `request.user` may use it.

    `method_first` for POST-only actions: a wrong method is answered 405 before anything is looked up
    or asked, as require_POST would."""

    method_first = False

    def allowed(self, request, **kwargs) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if self.method_first and request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        if not self.allowed(request, **kwargs):
            return admin_refusal(request)
        return super().dispatch(request, *args, **kwargs)

"""The guard of a staff screen about one consultation (`consultation_id` in its URL): the
consultation first (a 404 when it is missing), then the screen's permission; a refused staff member
gets a real 403 (sakrad/admin_guard.py)."""

from __future__ import annotations

from collections.abc import Callable

from django.shortcuts import get_object_or_404

from sakrad.admin_guard import AdminGuardMixin

from .models import ConsultationPage


class ConsultationGuardMixin(AdminGuardMixin):
    # (*, user, consultation) -> bool: the app's permission (its permissions.py).
    may: Callable[..., bool]

    def allowed(self, request, **kwargs) -> bool:
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["consultation_id"])
        return type(self).may(user=request.user, consultation=self.consultation)

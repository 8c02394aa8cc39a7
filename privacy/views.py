"""The participant's own data export: /konto/mina-uppgifter/."""

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .services import person_export


@require_GET
@never_cache  # private, no-store: the file must not linger in a shared or proxy cache
@login_required
def export(request):
    response = JsonResponse(
        person_export(user=request.user),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    filename = f"mina-uppgifter-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response

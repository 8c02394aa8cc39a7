"""The archive export: one ZIP per consultation for the ministry's registry."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import selectors
from ..log_actions import ARCHIVE_EXPORT
from ..models import ConsultationRecord
from ..permissions import can_manage_records
from ..zip_manifest import archive_zip
from . import archive_contents


@transaction.atomic
def consultation_archive_build(*, consultation, user) -> bytes:
    """The ZIP for the registry. `user` is the staff member exporting, or None for the management command
    (run on the server by someone who already holds the database). Logged with the ZIP's own SHA-256."""
    if user is not None and not can_manage_records(user=user, consultation=consultation):
        raise PermissionDenied(_("You may not file this consultation with the registry."))
    moment = timezone.now()
    record = selectors.record_for(consultation=consultation)
    # The registry files in Swedish, whatever the language of the admin.
    with translation.override(settings.LANGUAGE_CODE):
        files, header = archive_contents.archive_contents(consultation, record, moment)
    content = archive_zip(files, header=header, moment=moment)
    ConsultationRecord.objects.update_or_create(
        consultation=consultation, defaults={"archived_at": moment, "archived_by": user}
    )
    log(
        instance=consultation,
        action=ARCHIVE_EXPORT,
        user=user,
        data={
            "registry_number": header["registry_number"],
            "files": len(files) + 2,  # and the two manifests
            "minutes": header["minutes"]["included"],
            "sha256": hashlib.sha256(content).hexdigest(),
        },
    )
    return content

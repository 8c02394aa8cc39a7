"""The archive's file name: the registry number if there is one (slashes made dashes), else the slug."""

import re


def archive_filename(*, consultation, record) -> str:
    number = record.registry_number if record else ""
    stem = re.sub(r"[^\w-]+", "-", number).strip("-") if number else consultation.slug
    return f"{stem or consultation.pk}.zip"

"""The register's fields a spreadsheet column can go to, and the headers each is guessed from.

Only the fields the Organisation model has are offered, so the list follows the register as it grows."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.models import Organisation


@dataclass(frozen=True)
class ImportField:
    name: str
    label: str
    headers: tuple[str, ...]  # normalised header texts that map to it without asking


# Short labels get a context of their own: "Name" alone is one of Wagtail's msgids.
CANDIDATES = (
    ImportField(
        "name",
        pgettext_lazy("organisation field", "Name"),
        (
            "name",
            "namn",
            "organisation",
            "organisationens namn",
            "förening",
            "organisationsnamn",
            "organisation name",
        ),
    ),
    ImportField(
        "organisation_number",
        _("Organisation number"),
        ("organisation number", "organisationsnummer", "orgnr", "org nr", "organisationsnr"),
    ),
    ImportField(
        "kind",
        pgettext_lazy("organisation field", "Kind"),
        ("kind", "type", "typ", "organisationsform", "sort"),
    ),
    ImportField("county", pgettext_lazy("organisation field", "County"), ("county", "län", "lan")),
    ImportField(
        "website",
        pgettext_lazy("organisation field", "Website"),
        ("website", "webbplats", "hemsida", "webb", "url"),
    ),
    ImportField(
        "contact_emails",
        _("Invitation e-mail addresses"),
        ("contact emails", "e-post", "epost", "e-mail", "email", "e-postadresser", "inbjudan e-post"),
    ),
    ImportField(
        "description",
        pgettext_lazy("organisation field", "Description"),
        ("description", "beskrivning", "om organisationen"),
    ),
    ImportField(
        "themes", pgettext_lazy("organisation field", "Themes"), ("themes", "teman", "tema", "sakområden")
    ),
    ImportField("may_be_shown", _("May be shown as a participant"), ("may be shown", "får visas", "visas")),
    ImportField("contact_name", _("Contact person"), ("contact name", "kontaktperson", "kontakt")),
    ImportField(
        "contact_email",
        _("Contact person's e-mail"),
        ("contact email", "kontaktpersonens e-post", "kontakt e-post"),
    ),
)
_MODEL_FIELDS = {field.name for field in Organisation._meta.get_fields()}
FIELDS: tuple[ImportField, ...] = tuple(field for field in CANDIDATES if field.name in _MODEL_FIELDS)
FIELDS_BY_NAME = {field.name: field for field in FIELDS}


def normalise_header(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("_", " ")
    return re.sub(r"\s+", " ", text).strip(" :*")


def header_key(headers: list[str]) -> str:
    """What makes two files "the same layout" for remembering a mapping: their headers, in order."""
    joined = "\x1f".join(normalise_header(header) for header in headers)
    return hashlib.sha256(joined.encode()).hexdigest()


def guess_columns(headers: list[str]) -> dict[str, str]:
    """Header → field for the headers we recognise, each field taken once; the others are ignored ("")."""
    by_header = {alias: field.name for field in FIELDS for alias in (field.name, *field.headers)}
    for language in ("en", "sv"):  # our own export's headers, in either language
        with translation.override(language):
            by_header.update({normalise_header(str(field.label)): field.name for field in FIELDS})
    taken: set[str] = set()
    columns = {}
    for header in headers:
        field = by_header.get(normalise_header(header), "")
        columns[header] = "" if field in taken else field
        taken.add(field)
    return columns

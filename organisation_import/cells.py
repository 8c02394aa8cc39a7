"""Reading one cell into a field's value, or saying in the staff's language what is wrong with it.

Each cleaner takes the cell's text and returns the value, or raises CellError. Values are what the
register stores (codes, "NNNNNN-NNNN", one address a line), so an unchanged row compares equal."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from organisations.choices import County, OrganisationKind
from organisations.numbers import organisation_number_clean
from sakrad.spreadsheet import FORMULA_STARTS


class CellError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def refuse_formula(text: str) -> None:
    """A cell a spreadsheet would run (OWASP "CSV injection") is never imported, nor evaluated: we read
    XLSX formulas as their text, never their cached result."""
    if text.startswith(FORMULA_STARTS):
        raise CellError(_("This cell looks like a spreadsheet formula and was not imported."))


@functools.cache
def _choice_lookup(choices, extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    lookup = {key.casefold(): value for key, value in extra}
    for value, label in choices.choices:
        lookup[value.casefold()] = value
        for language in ("en", "sv"):
            with translation.override(language):
                lookup[str(label).casefold()] = value
    return lookup


# What people write in Swedish registers besides our own labels.
KIND_WORDS = {
    "förening": "association",
    "ideell förening": "association",
    "föreningar": "association",
    "stiftelse": "foundation",
    "kommun": "municipality",
    "stad": "municipality",
    "region": "region",
    "landsting": "region",
    "myndighet": "agency",
    "annan": "other",
    "övrig": "other",
    "övriga": "other",
}


def clean_kind(text: str) -> str:
    kind = _choice_lookup(OrganisationKind, tuple(KIND_WORDS.items())).get(text.casefold())
    if kind is None:
        raise CellError(_("Unknown kind of organisation."))
    return kind


@functools.cache
def _county_lookup() -> dict[str, str]:
    lookup = dict(_choice_lookup(County, ()))
    with translation.override("en"):
        for value, label in County.choices:
            # "Stockholm County" → "stockholm", which is also the Swedish short name.
            lookup[str(label).casefold().removesuffix(" county")] = value
    return lookup


def clean_county(text: str) -> str:
    lookup = _county_lookup()
    key = text.casefold().removesuffix(" län").removesuffix(" county").strip()
    # "Stockholms län", "Jönköpings län": the genitive s.
    county = lookup.get(text.casefold()) or lookup.get(key) or lookup.get(key.removesuffix("s"))
    if county is None:
        raise CellError(
            _("Unknown county. Write the county's name, such as Stockholms län, or its letter code.")
        )
    return county


# Registers written from the tax agency's lists give the number with its century, "16".
WITH_CENTURY = re.compile(r"^16(\d{6}-?\d{4})$")


def clean_organisation_number(text: str) -> str:
    """The register's own reading (organisations/numbers.py: the form, then the check digit)."""
    compact = "".join(text.split())
    try:
        return organisation_number_clean(WITH_CENTURY.sub(r"\1", compact))
    except ValidationError as error:
        raise CellError(error.messages[0]) from error


def clean_email(text: str) -> str:
    try:
        validate_email(text)
    except ValidationError as error:
        raise CellError(_("Not a valid e-mail address.")) from error
    return text


def clean_emails(text: str) -> str:
    return "\n".join(clean_email(address) for address in re.split(r"[\s,;]+", text) if address)


def clean_website(text: str) -> str:
    url = text if "://" in text else f"https://{text}"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise CellError(_("Not a valid web address.")) from error
    return url


YES = {"ja", "j", "yes", "y", "x", "1", "true", "sant"}
NO = {"nej", "n", "no", "0", "false", "falskt"}


def clean_yes_no(text: str) -> bool:
    if text.casefold() in YES | NO:
        return text.casefold() in YES
    raise CellError(_("Write yes or no (ja or nej)."))


def themes_cleaner(themes_by_name: dict[str, int]) -> Callable[[str], str]:
    """Theme names (or slugs) separated by commas or semicolons → their ids, "3,5"."""

    def clean(text: str) -> str:
        ids = []
        for name in (part.strip() for part in re.split(r"[,;]", text)):
            if name and name.casefold() not in themes_by_name:
                raise CellError(format_lazy(_("Unknown theme: {name}."), name=name))
            if name:
                ids.append(themes_by_name[name.casefold()])
        return ",".join(str(pk) for pk in sorted(set(ids)))

    return clean


def clean_text(limit: int) -> Callable[[str], str]:
    def clean(text: str) -> str:
        if len(text) > limit:
            raise CellError(format_lazy(_("At most {limit} characters."), limit=limit))
        return text

    return clean

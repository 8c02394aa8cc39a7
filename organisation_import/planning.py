"""What each row of a file does to the register, and why: the preview, and the plan the confirm carries out.

A row is read cell by cell (cells.py); a row with an error in any cell is left out. The others are
matched: by organisation number, then by exactly the same name, then as a likely duplicate of a similar
name in the register or of an earlier row of the file (by number or by name), which staff merge (the
default) or keep apart. An empty cell never empties a field the register has filled. django-import-export
then says, per row, whether it creates, updates or changes nothing (resource.py)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import tablib
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.models import Organisation
from organisations.names import normalise_name

from . import cells
from .duplicates import similar_pairs
from .fields import FIELDS, FIELDS_BY_NAME
from .resource import COLUMNS, OrganisationResource, PreviewResource

CREATE, UPDATE, UNCHANGED, MERGED, REJECTED = "create", "update", "unchanged", "merged", "rejected"
ACTIONS = (CREATE, UPDATE, UNCHANGED, MERGED, REJECTED)
MERGE, KEEP = "merge", "keep"


@dataclass
class Duplicate:
    by: str  # "number" or "name"
    organisation: Organisation | None  # in the register, or
    line: int | None  # an earlier row of the file
    ratio: float


@dataclass
class RowPlan:
    line: int
    cells: dict[str, str]  # field → the cell as written, for the preview
    values: dict[str, object]  # field → the cleaned value, for the filled cells only
    errors: dict[str, object] = field(default_factory=dict)  # field → message
    target: Organisation | None = None
    matched_by: str = ""  # "number", "name" or "similar"
    duplicate: Duplicate | None = None
    merged_into: RowPlan | None = None
    action: str = ""
    reasons: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.values.get("name") or self.cells.get("name", ""))


@dataclass
class Register:
    """The register as the file is planned against it, read in a fixed number of queries."""

    organisations: list[Organisation]
    themes_by_pk: dict
    themes_by_name: dict[str, int]
    themes_of: dict[int, list]  # organisation pk → its themes

    @classmethod
    def read(cls) -> Register:
        if "themes" not in FIELDS_BY_NAME:
            return cls(list(Organisation.objects.all()), {}, {}, {})
        theme_model = Organisation._meta.get_field("themes").related_model
        themes = {theme.pk: theme for theme in theme_model.objects.all()}
        by_name = {
            str(getattr(theme, key)).casefold(): theme.pk
            for theme in themes.values()
            for key in ("slug", "name")
            if hasattr(theme, key)
        }
        organisations = list(Organisation.objects.prefetch_related("themes"))
        themes_of = {organisation.pk: list(organisation.themes.all()) for organisation in organisations}
        return cls(organisations, themes, by_name, themes_of)


@dataclass
class Plan:
    rows: list[RowPlan]

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(row.action for row in self.rows)
        return {action: counted[action] for action in ACTIONS}

    @property
    def duplicates(self) -> list[RowPlan]:
        return [row for row in self.rows if row.duplicate]


def _max_length(name: str, default: int = 2000) -> int:
    if name not in FIELDS_BY_NAME:
        return default  # a field this register does not have; its cleaner is never asked
    return Organisation._meta.get_field(name).max_length or default


def _cleaners(register: Register) -> dict:
    return {
        "name": cells.clean_text(_max_length("name")),
        "organisation_number": cells.clean_organisation_number,
        "kind": cells.clean_kind,
        "county": cells.clean_county,
        "website": cells.clean_website,
        "contact_emails": cells.clean_emails,
        "description": cells.clean_text(_max_length("description")),
        "themes": cells.themes_cleaner(register.themes_by_name),
        "may_be_shown": cells.clean_yes_no,
        "contact_name": cells.clean_text(_max_length("contact_name")),
        "contact_email": cells.clean_email,
    }


def _read_row(line: int, row: list[str], columns: list[tuple[int, str]], cleaners: dict) -> RowPlan:
    plan = RowPlan(line=line, cells={}, values={})
    for position, name in columns:
        text = row[position] if position < len(row) else ""
        if not text or name in plan.cells:
            continue
        plan.cells[name] = text
        try:
            cells.refuse_formula(text)
            plan.values[name] = cleaners[name](text)
        except cells.CellError as error:
            plan.errors[name] = error.message
    if "name" not in plan.cells:
        plan.errors["name"] = _("Every row needs the organisation's name.")
    return plan


def _compatible(first: str, second: str) -> bool:
    """Two different organisation numbers are two organisations, however alike their names."""
    return not (first and second and first != second)


def _fold(row: RowPlan, into: RowPlan) -> None:
    """Merge a row into an earlier one: it fills the earlier row's empty cells."""
    while into.merged_into:
        into = into.merged_into
    row.merged_into = into
    for name, value in row.values.items():
        into.values.setdefault(name, value)


class _Matcher:
    """Goes through the valid rows in file order, each against the register and the rows before it."""

    def __init__(self, rows: list[RowPlan], register: Register):
        self.by_number: dict[str, Organisation] = {}
        self.by_name: dict[str, Organisation] = {}
        for organisation in register.organisations:
            self.by_number.setdefault(organisation.organisation_number, organisation)
            self.by_name.setdefault(normalise_name(organisation.name), organisation)
        self.exact_names = {organisation.name for organisation in register.organisations}
        self.like_existing, self.like_earlier = defaultdict(list), defaultdict(list)
        count = len(register.organisations)
        names = [normalise_name(o.name) for o in register.organisations]
        names += [normalise_name(row.values["name"]) for row in rows]
        for (first, second), ratio in similar_pairs(names).items():
            if second < count:
                continue  # two organisations already in the register: not ours to judge
            if first < count:
                self.like_existing[id(rows[second - count])].append((ratio, register.organisations[first]))
            else:
                self.like_earlier[id(rows[second - count])].append((ratio, rows[first - count]))
        self.claimed: dict[int, RowPlan] = {}  # organisation pk → the row that updates it
        self.numbered: dict[str, RowPlan] = {}  # organisation number → the first row with it
        self.created: set[str] = set()

    def _best(self, pairs, number: str, number_of):
        """The most alike of `pairs` whose number does not tell them apart; never a row left out."""
        alike = [
            (ratio, other)
            for ratio, other in pairs
            if _compatible(number_of(other), number) and not getattr(other, "errors", None)
        ]
        return max(alike, key=lambda pair: pair[0], default=(0.0, None))

    def _target(self, row: RowPlan, merge: bool):
        """(organisation, how it matched) or (None, ""); may set row.duplicate, fold the row, or an error."""
        number, name = row.values.get("organisation_number", ""), row.values["name"]
        if number and number in self.by_number:
            return self.by_number[number], "number"
        if number and number in self.numbered:
            row.duplicate = Duplicate("number", None, self.numbered[number].line, 1.0)
            if merge:
                _fold(row, self.numbered[number])
            return None, ""
        same = self.by_name.get(normalise_name(name))
        if same is not None:
            if _compatible(same.organisation_number, number):
                return same, "name"
            row.errors["name"] = _("The register has an organisation of this name with another number.")
            return None, ""
        ratio, organisation = self._best(self.like_existing[id(row)], number, lambda o: o.organisation_number)
        if organisation is not None:
            row.duplicate = Duplicate("name", organisation, None, ratio)
            return (organisation, "similar") if merge else (None, "")
        number_of_row = lambda other: other.values.get("organisation_number", "")  # noqa: E731
        ratio, earlier = self._best(self.like_earlier[id(row)], number, number_of_row)
        if earlier is not None:
            row.duplicate = Duplicate("name", None, earlier.line, ratio)
            if merge:
                _fold(row, earlier)
        return None, ""

    def match(self, row: RowPlan, merge: bool) -> None:
        target, matched_by = self._target(row, merge)
        if row.merged_into or row.errors:
            return
        if target is not None and target.pk in self.claimed:
            earlier = self.claimed[target.pk]
            by = "number" if matched_by == "number" else "name"
            row.duplicate = row.duplicate or Duplicate(by, None, earlier.line, 1.0)
            if merge:
                _fold(row, earlier)
                return
            target, matched_by = None, ""
        name = row.values["name"]
        if target is not None and name != target.name and name in self.exact_names:
            row.errors["name"] = _("Another organisation in the register already has this name.")
        elif target is None and (name in self.exact_names or name in self.created):
            row.errors["name"] = _("Two organisations cannot have the same name; merge them or change one.")
        elif target is None and "kind" not in row.values:
            row.errors["kind"] = _("A new organisation needs a kind.")
        if row.errors:
            return
        row.target, row.matched_by = target, matched_by
        if target is not None:
            self.claimed[target.pk] = row
        else:
            self.created.add(name)
        number = row.values.get("organisation_number", "")
        if number:
            self.numbered.setdefault(number, row)


def _match(rows: list[RowPlan], register: Register, choices: dict[str, str]) -> None:
    valid = [row for row in rows if not row.errors]
    matcher = _Matcher(valid, register)
    for row in valid:
        matcher.match(row, merge=choices.get(str(row.line), MERGE) != KEEP)


def _current(organisation: Organisation, name: str):
    if name == "themes":
        return ",".join(str(theme.pk) for theme in sorted(organisation.themes.all(), key=lambda t: t.pk))
    return getattr(organisation, name)


def _dataset_row(row: RowPlan) -> list:
    """The row as import-export reads it: the organisation's id (none: a new one) and every field, the
    register's value where the file's cell is empty."""
    values = dict(row.values)
    if row.target is not None:
        values = {f.name: _current(row.target, f.name) for f in FIELDS} | values
    return [row.target.pk if row.target else None, *(values.get(f.name, _empty(f.name)) for f in FIELDS)]


def _empty(name: str):
    """A new organisation's value for a field the file leaves empty: the model's default."""
    return "" if name == "themes" else Organisation._meta.get_field(name).get_default()


IMPORT_TYPES = {"new": CREATE, "update": UPDATE, "skip": UNCHANGED}


def _why(row: RowPlan):
    if row.action == CREATE:
        return _("A new organisation.")
    which = {
        "number": _("{name}, which has the same organisation number"),
        "name": _("{name}, which has the same name"),
        "similar": _("{name}, whose name is alike"),
    }[row.matched_by]
    which = format_lazy(which, name=row.target.name)
    if row.action == UPDATE:
        return format_lazy(_("Updates {which}."), which=which)
    return format_lazy(_("No change to {which}."), which=which)


def _settle(row: RowPlan, result) -> None:
    if result.import_type in IMPORT_TYPES:
        row.action = IMPORT_TYPES[result.import_type]
        row.reasons.append(_why(row))
        duplicate = row.duplicate
        if duplicate and row.target is None and duplicate.organisation is None:
            row.reasons.append(
                format_lazy(_("Kept apart from row {line}, which it resembles."), line=duplicate.line)
            )
        elif duplicate and row.target is None:
            row.reasons.append(
                format_lazy(
                    _("Kept apart from {name}, which it resembles."), name=duplicate.organisation.name
                )
            )
        return
    row.action = REJECTED
    if result.validation_error is not None:
        for name, messages in result.validation_error.message_dict.items():
            row.errors[name] = " ".join(messages)
    for error in result.errors:
        row.errors.setdefault("", str(error.error))


def plan_import(*, rows, headers: list[str], columns: dict[str, str], choices: dict[str, str], confirm=False):
    """The plan for a file's `rows` read with `columns` (header → field), duplicates settled by `choices`
    (line → "merge" or "keep"). With `confirm`, the plan is carried out (call it inside a transaction)."""
    register = Register.read()
    cleaners = _cleaners(register)
    mapped = [(position, columns.get(header, "")) for position, header in enumerate(headers)]
    mapped = [(position, name) for position, name in mapped if name in FIELDS_BY_NAME]
    plans = [_read_row(line, cells_, mapped, cleaners) for line, cells_ in rows]
    _match(plans, register, choices)
    carried = [row for row in plans if not row.errors and not row.merged_into]
    dataset = tablib.Dataset(*(_dataset_row(row) for row in carried), headers=list(COLUMNS))
    resource_class = OrganisationResource if confirm else PreviewResource
    resource = resource_class(
        organisations=register.organisations, themes_by_pk=register.themes_by_pk, themes_of=register.themes_of
    )
    result = resource.import_data(dataset, dry_run=not confirm, use_transactions=True)
    for row, row_result in zip(carried, result.rows, strict=True):
        _settle(row, row_result)
    for row in plans:
        if row.merged_into:
            row.action = MERGED
            row.reasons.append(
                format_lazy(_("Merged into row {line}: the same organisation."), line=row.merged_into.line)
            )
        elif row.errors:
            row.action = REJECTED
            row.reasons = [
                format_lazy(_("{field}: {message}"), field=_label(name), message=message)
                for name, message in row.errors.items()
            ]
    return Plan(plans), result


def _label(name: str):
    return FIELDS_BY_NAME[name].label if name in FIELDS_BY_NAME else pgettext_lazy("row of a file", "Row")

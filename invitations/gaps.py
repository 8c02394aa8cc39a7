"""Who is missing from a consultation's invitation list: the counties, kinds and themes found in the
register that no organisation on the list has, and, for each, the organisations not yet on it that
would fill it. Only what the register holds counts: a county with no organisation in the register is
no gap anyone could fill.

Four queries, whatever the size of the register or of the list: the list, the register's
organisations, their themes, and the themes' names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from consultations.models import Theme
from organisations.choices import County, OrganisationKind
from organisations.models import Organisation

from .models import Invitation, InvitationStatus

# Offered per gap; the rest are counted, and found with the filters above the list.
OFFERED = 10


@dataclass(frozen=True)
class Gap:
    dimension: str  # "county", "kind" or "theme"
    value: str  # the county's or kind's code, or the theme's id
    label: str
    organisations: list[Organisation]  # not on the list, would fill the gap: the first OFFERED by name
    more: int = 0  # how many more would

    @property
    def key(self) -> str:
        return f"{self.dimension}-{self.value}"


@dataclass(frozen=True)
class Gaps:
    listed: int = 0  # organisations on the list (withdrawn ones not counted)
    counties: list[Gap] = field(default_factory=list)
    kinds: list[Gap] = field(default_factory=list)
    themes: list[Gap] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.counties or self.kinds or self.themes)

    @property
    def groups(self) -> list[tuple[str, list[Gap]]]:
        return [("county", self.counties), ("kind", self.kinds), ("theme", self.themes)]


def _gaps(
    dimension: str, values_of, register: list[Organisation], on_list: dict[int, str], labels
) -> list[Gap]:
    """One Gap per value some organisation in the register has and none on the list has. An
    invitation withdrawn is off the list: its organisation fills no gap, and is not offered again
    (it was told it is not invited)."""
    invited = {pk for pk, status in on_list.items() if status != InvitationStatus.WITHDRAWN}
    holders: dict[str, list[Organisation]] = defaultdict(list)
    for organisation in register:
        for value in values_of(organisation):
            holders[value].append(organisation)
    gaps = []
    for value, organisations in holders.items():
        if any(organisation.pk in invited for organisation in organisations):
            continue
        candidates = [organisation for organisation in organisations if organisation.pk not in on_list]
        gaps.append(
            Gap(
                dimension=dimension,
                value=str(value),
                label=str(labels.get(value, value)),
                organisations=candidates[:OFFERED],
                more=max(len(candidates) - OFFERED, 0),
            )
        )
    return sorted(gaps, key=lambda gap: gap.label)


def invitation_gaps(*, consultation) -> Gaps:
    """The gaps in `consultation`'s list, by county, kind and theme, each by name."""
    on_list: dict[int, str] = dict(
        Invitation.objects.filter(consultation=consultation).values_list("organisation_id", "status")
    )
    register = list(Organisation.objects.only("pk", "name", "kind", "county").order_by("name"))
    themes_of: dict[int, list[int]] = defaultdict(list)
    links = Organisation.themes.through.objects.values_list("organisation_id", "theme_id")
    for organisation_id, theme_id in links:
        themes_of[organisation_id].append(theme_id)
    used = {theme_id for theme_ids in themes_of.values() for theme_id in theme_ids}
    theme_names = dict(Theme.objects.filter(pk__in=used).values_list("pk", "name"))
    return Gaps(
        listed=sum(1 for status in on_list.values() if status != InvitationStatus.WITHDRAWN),
        counties=_gaps(
            "county", lambda o: [o.county] if o.county else [], register, on_list, dict(County.choices)
        ),
        kinds=_gaps("kind", lambda o: [o.kind], register, on_list, dict(OrganisationKind.choices)),
        themes=_gaps("theme", lambda o: themes_of.get(o.pk, []), register, on_list, theme_names),
    )

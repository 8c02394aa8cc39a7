"""A likely duplicate, merged (the default) or kept apart as staff choose; and a confirm that fails
part-way saves nothing."""

import pytest
from django.urls import reverse

from organisation_import.models import ImportRun
from organisations.models import Organisation
from tests.organisation_import.conftest import map_columns, preview_rows, started

pytestmark = pytest.mark.django_db
CSV = (
    "Namn;Organisationsnummer;Typ;Län\n"
    "Föreningen Älvdalen Vänner;;Förening;Dalarna\n"
    "Nya Föreningen;;Förening;AB\n"
)


def test_a_name_alike_is_merged_by_default(register, organiser_client):
    run = started(organiser_client, "lista.csv", CSV.encode())
    map_columns(organiser_client, run)
    shown = preview_rows(organiser_client, run)
    assert shown[2][0] == "update" and 'data-duplicate="2"' in shown[2][1]
    assert shown[3][0] == "create"


def test_keep_both_makes_a_second_organisation(register, organiser_client):
    run = started(organiser_client, "lista.csv", CSV.encode())
    map_columns(organiser_client, run)
    # The preview shows what the choice does, before the one confirm.
    assert preview_rows(organiser_client, run, "?duplicate-2=keep")[2][0] == "create"
    organiser_client.post(reverse("organisation_import:preview", args=[run.pk]), {"duplicate-2": "keep"})
    assert (
        Organisation.objects.filter(
            name__in=["Föreningen Älvdalen Vänner", "Föreningen Älvdalens Vänner"]
        ).count()
        == 2
    )


def test_a_confirm_that_fails_part_way_saves_nothing(register, organiser_client, monkeypatch):
    names = ("Ekorrarna", "Björnligan", "Vargflocken", "Rävgrytet", "Uggleboet")
    rows = "".join(f"{name};;Förening;AB\n" for name in names)
    run = started(organiser_client, "lista.csv", ("Namn;Organisationsnummer;Typ;Län\n" + rows).encode())
    map_columns(organiser_client, run)
    before = Organisation.objects.count()
    saves = []
    original = Organisation.save

    def save_then_fail(self, *args, **kwargs):
        saves.append(self.name)
        if len(saves) == 4:
            raise RuntimeError("the disk is full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Organisation, "save", save_then_fail)
    response = organiser_client.post(reverse("organisation_import:preview", args=[run.pk]), follow=True)
    assert len(saves) >= 4
    assert Organisation.objects.count() == before
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PENDING and run.rows
    # Back on the preview, which says nothing was imported.
    assert response.redirect_chain == [(reverse("organisation_import:preview", args=[run.pk]), 302)]

"""The demo's register is partly imported: a spreadsheet brought in through the import by the organiser,
with its report (docs/organisations.md); seeding again leaves it as it is."""

from django.urls import reverse

from organisation_import.models import ImportRun
from organisations.models import Organisation
from tests.demo.conftest import seed


def test_the_demo_shows_an_imported_register_with_its_report(seeded, client):
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.DONE and run.started_by.email == "organiser@example.org"
    assert run.counts == {"create": 5, "update": 0, "unchanged": 1, "merged": 1, "rejected": 1}
    assert run.rows == []
    jasmin = Organisation.objects.get(name="Syrisk-svenska kulturföreningen Jasmin")
    assert jasmin.website == "https://jasmin.example.org"  # from the twin row, merged
    youth = Organisation.objects.get(name="Unga Röster i Norr")
    assert youth.county == "BD" and [theme.name for theme in youth.themes.all()] == ["Unga och trygghet"]
    assert not Organisation.objects.filter(name="Föreningen Norrskenet").exists()  # its check digit

    client.force_login(run.started_by)
    report = client.get(reverse("organisation_import:report", args=[run.pk]))
    assert report.status_code == 200 and "Föreningen Norrskenet" in report.content.decode()


def test_seeding_again_imports_nothing_again(seeded):
    before = list(Organisation.objects.order_by("pk").values_list("name", "website", "county"))
    seed()
    assert ImportRun.objects.count() == 1
    assert list(Organisation.objects.order_by("pk").values_list("name", "website", "county")) == before

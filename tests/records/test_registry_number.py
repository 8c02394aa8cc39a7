"""A consultation's registry number: its form, its uniqueness, who may set it, its history."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from wagtail.models import PageLogEntry

from records.models import ConsultationRecord
from records.naming import archive_filename
from records.services import RecordError, consultation_record_set
from tests.factories import ConsultationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(index, people):
    return (
        ConsultationPageFactory(parent=index, title="Sakråd ett"),
        ConsultationPageFactory(parent=index, title="Sakråd två"),
    )


@pytest.mark.parametrize("number", ["Ku2025/01234", "S2024/00123", "Fi2023/04567/SFÖ", "A2019/1"])
def test_registry_numbers_as_ministries_write_them(two, people, number):
    record = consultation_record_set(consultation=two[0], registry_number=number, user=people["organiser"])
    assert ConsultationRecord.objects.get(pk=record.pk).registry_number == number


def test_spaces_are_dropped(two, people):
    record = consultation_record_set(
        consultation=two[0], registry_number=" Ku 2025/01234 ", user=people["organiser"]
    )
    assert record.registry_number == "Ku2025/01234"


@pytest.mark.parametrize(
    "number", ["2025/01234", "Ku25/01234", "Ku2025-01234", "Ku2025/", "hej", "Ku2025/12/34/56"]
)
def test_a_malformed_number_is_refused_with_an_example(two, people, number):
    with pytest.raises(RecordError) as caught:
        consultation_record_set(consultation=two[0], registry_number=number, user=people["organiser"])
    assert caught.value.code == RecordError.INVALID
    assert "Ku2025/01234" in " ".join(caught.value.messages)
    assert not ConsultationRecord.objects.exclude(registry_number="").exists()


def test_a_number_belongs_to_one_consultation_in_any_letter_case(two, people):
    consultation_record_set(consultation=two[0], registry_number="Ku2025/01234", user=people["organiser"])
    with pytest.raises(RecordError) as caught:
        consultation_record_set(consultation=two[1], registry_number="KU2025/01234", user=people["organiser"])
    assert caught.value.code == RecordError.TAKEN
    message = " ".join(caught.value.messages)
    assert "KU2025/01234" in message
    assert "Sakråd ett" not in message, "the other consultation is not named"
    # Setting the same number again on its own consultation is no conflict.
    consultation_record_set(consultation=two[0], registry_number="Ku2025/01234", user=people["organiser"])


def test_the_database_refuses_a_duplicate_too(two):
    ConsultationRecord.objects.create(consultation=two[0], registry_number="Ku2025/01234")
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsultationRecord.objects.create(consultation=two[1], registry_number="ku2025/01234")


def test_many_consultations_may_have_no_number(two, people):
    for consultation in two:
        consultation_record_set(consultation=consultation, registry_number="", user=people["organiser"])
    assert ConsultationRecord.objects.filter(registry_number="").count() == 2


def test_setting_and_removing_are_logged(two, people):
    consultation_record_set(consultation=two[0], registry_number="Ku2025/01234", user=people["organiser"])
    consultation_record_set(consultation=two[0], registry_number="", user=people["organiser"])
    entries = PageLogEntry.objects.filter(page=two[0], action="sakrad.registry_number_set").order_by("pk")
    assert [entry.data for entry in entries] == [
        {"registry_number": "Ku2025/01234", "previous": ""},
        {"registry_number": "", "previous": "Ku2025/01234"},
    ]
    assert entries[0].user == people["organiser"]
    assert "Ku2025/01234" in entries[0].message


def test_staff_without_rights_may_not_set_it(two, people):
    for who in ("other_staff", "participant"):
        with pytest.raises(PermissionDenied):
            consultation_record_set(consultation=two[0], registry_number="Ku2025/01234", user=people[who])
    assert not ConsultationRecord.objects.exists()


def test_the_archive_is_named_after_the_number(two, people):
    assert archive_filename(consultation=two[0], record=None) == f"{two[0].slug}.zip"
    record = consultation_record_set(
        consultation=two[0], registry_number="Ku2025/01234", user=people["organiser"]
    )
    assert archive_filename(consultation=two[0], record=record) == "Ku2025-01234.zip"

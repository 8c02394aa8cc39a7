"""The inventory covers every personal-looking field, and every entry in it still exists."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test.utils import isolate_apps

from privacy.detector import looks_personal, unclassified_fields
from privacy.docs import DOCS_PATH, docs_section, inventory_markdown
from privacy.inventory import INVENTORY, NOT_PERSONAL, PERSON_MODELS, Action, user_relations

ALL_ENTRIES = [*INVENTORY, *NOT_PERSONAL]


def test_every_personal_looking_field_is_classified():
    missing = unclassified_fields()
    assert not missing, (
        "These fields look like personal data but privacy/inventory.py classifies them nowhere: "
        f"{missing}. Add each to INVENTORY (or to NOT_PERSONAL with a reason); see docs/privacy.md."
    )


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda entry: entry.label)
def test_entry_names_a_field_stored_on_that_model(entry):
    model = apps.get_model(entry.model)
    field = model._meta.get_field(entry.field)
    # A multi-table child's inherited field belongs on the parent's entry (wagtailcore.Page.owner).
    assert field.model is model


@pytest.mark.parametrize("label", PERSON_MODELS)
def test_person_models_exist(label):
    assert apps.get_model(label)


def test_no_field_is_classified_twice():
    labels = [entry.label for entry in ALL_ENTRIES]
    assert len(labels) == len(set(labels))


def test_erased_rows_are_only_rows_that_deleting_the_account_would_delete():
    for entry, field in user_relations():
        if entry.action == Action.ERASE:
            assert field.remote_field.on_delete is models.CASCADE, entry.label


def test_the_user_model_and_allauth_are_covered():
    labels = {entry.label for entry in INVENTORY}
    user_label = get_user_model()._meta.label
    assert {f"{user_label}.email", f"{user_label}.first_name", "account.EmailAddress.email"} <= labels
    assert {"mfa.Authenticator.data", "sessions.Session.session_data", "wagtailcore.Revision.user"} <= labels


@isolate_apps("privacy")
def test_a_new_model_with_personal_fields_is_caught():
    class Guest(models.Model):
        full_name = models.CharField(max_length=100)
        contact = models.EmailField()
        dietary_needs = models.TextField()
        access_needs = models.TextField()
        client_ip = models.GenericIPAddressField()
        notes = models.TextField()
        seat_count = models.PositiveSmallIntegerField()

        class Meta:
            app_label = "privacy"

        def __str__(self):
            return self.full_name

    assert unclassified_fields(model_classes=[Guest]) == [
        "privacy.Guest.access_needs",
        "privacy.Guest.client_ip",
        "privacy.Guest.contact",
        "privacy.Guest.dietary_needs",
        "privacy.Guest.full_name",
        "privacy.Guest.notes",
    ]


def test_a_relation_to_the_user_model_looks_personal():
    assert looks_personal(apps.get_model("wagtailcore.Revision")._meta.get_field("user"))
    assert not looks_personal(apps.get_model("wagtailimages.Image")._meta.get_field("width"))


def test_docs_table_is_the_inventory():
    assert docs_section(DOCS_PATH.read_text(encoding="utf-8")) == inventory_markdown(), (
        "docs/privacy.md is out of date: run `python manage.py privacy_inventory --write`."
    )

"""What keeps the suite fast must not change what a test sees (docs/testing.md)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import TransactionTestCase
from wagtail.models import Collection, Locale, Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from accounts.models import User
from tests import indexes
from tests.factories import StandardPageFactory, build_site_tree


@pytest.mark.django_db
def test_pages_are_not_indexed_unless_the_module_asks():
    home, _index = build_site_tree()
    page = StandardPageFactory(parent=home, title="Utan index")
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    assert not ReferenceIndex.objects.exists()


@pytest.mark.django_db
def test_with_the_indexes_on_a_saved_page_is_found():
    home, _index = build_site_tree()
    indexes.indexes_want(True)
    try:
        page = StandardPageFactory(parent=home, title="Med index")
    finally:
        indexes.indexes_want(False)
    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()


@pytest.mark.django_db(transaction=True)
def test_the_end_of_a_transactional_test_leaves_what_post_migrate_makes():
    """As after Django's flush: no rows of the test, and the roots and permissions post_migrate makes."""
    home, _index = build_site_tree()
    StandardPageFactory(parent=home, title="Borta sedan")
    group = Group.objects.create(name="Tillfällig")
    group.permissions.add(Permission.objects.get(codename="add_page"))
    User.objects.create(email="borta@example.org")

    TransactionTestCase._fixture_teardown(TransactionTestCase("__init__"))

    assert not Page.objects.filter(depth__gt=1).exists()
    assert not Group.objects.exists() and not User.objects.exists()
    assert Page.objects.filter(depth=1).count() == 1
    assert Locale.objects.count() == 1 and Collection.objects.filter(depth=1).count() == 1
    assert (
        ContentType.objects.get_for_model(Page).pk
        == ContentType.objects.get(model="page", app_label="wagtailcore").pk
    )
    assert Permission.objects.filter(codename="add_page").exists()

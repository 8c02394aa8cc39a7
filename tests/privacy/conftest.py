"""Self-contained fixtures for the privacy tests (tests/conftest.py belongs to another suite)."""

import datetime as dt

import factory
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page

from consultations.models import ConsultationPage
from organisations.models import Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Föreningen {n}")
    kind = "association"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Sequence(lambda n: f"Förnamn{n}")
    last_name = factory.Sequence(lambda n: f"Efternamn{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password("a-long-test-password")


@pytest.fixture
def consultation_factory(db):
    counter = iter(range(1, 1000))

    def create(**fields) -> ConsultationPage:
        number = next(counter)
        page = ConsultationPage(
            title=fields.pop("title", f"Sakråd {number}"),
            slug=f"sakrad-{number}",
            ministry="Socialdepartementet",
            date=dt.date(2024, 6, 4),
            start_time=dt.time(13, 0),
            end_time=dt.time(16, 0),
            venue_address="Fredsgatan 8, Stockholm",
            **fields,
        )
        return Page.get_first_root_node().add_child(instance=page)

    return create


@pytest.fixture
def participant(db):
    return UserFactory()


@pytest.fixture
def other_participant(db):
    return UserFactory()


def admin_group(name: str, *codenames: str) -> Group:
    group = Group.objects.create(name=name)
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return group


@pytest.fixture
def editor(db):
    """Staff who can use the Wagtail admin but may not erase anyone."""
    user = UserFactory(organisation=None)
    user.groups.add(admin_group("Test editors"))
    return user


@pytest.fixture
def registrar(db):
    """Staff holding privacy.erase_person, as the registry (registrator) would."""
    user = UserFactory(organisation=None)
    user.groups.add(admin_group("Test registry", "erase_person"))
    return user

"""factory_boy factories for the content model, the register of organisations and accounts.

Page factories add the page under `parent` (by default the site tree's home page or consultation
index, created on demand) and publish a revision, as an editor would; `publish=False` leaves a
draft that has never been live. They return the page fresh from the database.
"""

from __future__ import annotations

import datetime as dt

import factory
from django.core.cache import cache
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from accounts.models import User
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSpeaker,
    DiscussionQuestion,
    Theme,
)
from consultations.models.page import EventFormat, EventKind
from home.models import HomePage, StandardPage
from invitations.models import Invitation, InvitationStatus
from minutes.models import MinutesPage
from organisations.choices import County, OrganisationKind
from organisations.models import Organisation, Person

PASSWORD = "Ett-bra-lösenord-för-tester-7"


# --- the register -----------------------------------------------------------------------------


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name, allow_unicode=True))


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Föreningen Samverkan {n}")
    kind = factory.Iterator([kind for kind, _ in OrganisationKind.choices])
    county = factory.Iterator([code for code, _ in County.choices])


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Talare Nummer{n}")
    title = factory.Sequence(lambda n: f"Verksamhetschef {n}")
    organisation = factory.SubFactory(OrganisationFactory)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password(PASSWORD)
    organisation = None


# --- the site tree ----------------------------------------------------------------------------


def build_site_tree() -> tuple[HomePage, ConsultationIndexPage]:
    """A published HomePage as the default Site's root, and a consultation index under it."""
    home = HomePage.objects.first()
    if home is None:
        cache.clear()  # Wagtail caches the site root paths
        root = Page.get_first_root_node()
        home = HomePageFactory(parent=root, title="Sakråd", slug="sakrad-start")
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Sakråd"},
        )
        # Wagtail's migration leaves a "Welcome" page as the old root; it serves no purpose here.
        Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
        cache.clear()
    index = ConsultationIndexPage.objects.child_of(home).first()
    if index is None:
        index = ConsultationIndexPageFactory(parent=home)
    return home, index


def _default_home() -> HomePage:
    return build_site_tree()[0]


def _default_index() -> ConsultationIndexPage:
    return build_site_tree()[1]


class PageFactory(factory.Factory):
    """Adds the page under `parent` and publishes it (or only saves a draft: publish=False)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Sida {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title, allow_unicode=True))
    publish = True

    @classmethod
    def _build(cls, model_class, *args, parent=None, publish=True, **kwargs):
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        instance = model_class(*args, **kwargs)
        if not publish:
            instance.live = False
        parent.add_child(instance=instance)
        revision = instance.save_revision()
        if publish:
            revision.publish()
        return model_class.objects.get(pk=instance.pk)


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Sakråd"
    introduction = "<p>Regeringskansliets sakråd med civilsamhället.</p>"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(_default_home)
    title = factory.Sequence(lambda n: f"Om sakråden {n}")
    introduction = "Så går ett sakråd till."


class ConsultationIndexPageFactory(PageFactory):
    class Meta:
        model = ConsultationIndexPage

    parent = factory.LazyFunction(_default_home)
    title = "Sakråd"
    slug = "sakrad"
    introduction = "Alla sakråd, kommande och genomförda."


def _in_a_month() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=30)


class ConsultationPageFactory(PageFactory):
    """A consultation in a room a month from today. Pass themes=[...], questions=[...] (built
    with DiscussionQuestionFactory.build), speakers=[...] (ConsultationSpeakerFactory.build),
    agenda/recordings as lists of raw blocks (see agenda_item and recording)."""

    class Meta:
        model = ConsultationPage

    parent = factory.LazyFunction(_default_index)
    title = factory.Sequence(lambda n: f"Sakråd om lokal samverkan {n}")
    kind = EventKind.CONSULTATION
    ministry = "Arbetsmarknadsdepartementet"
    unit = "Enheten för civila samhället"
    date = factory.LazyFunction(_in_a_month)
    start_time = dt.time(9, 30)
    end_time = dt.time(12, 0)
    format = EventFormat.IN_PERSON
    venue_name = "Rosenbad"
    venue_address = "Rosenbad 4, Stockholm"
    introduction = "Ett sakråd med organisationer i det civila samhället."


class MinutesPageFactory(PageFactory):
    class Meta:
        model = MinutesPage

    title = factory.Sequence(lambda n: f"Minnesanteckningar {n}")
    summary = "Flera organisationer lyfte behovet av långsiktighet."


class DiscussionQuestionFactory(factory.Factory):
    """Build only (the page saves it): ConsultationPageFactory(questions=[...build(...)])."""

    class Meta:
        model = DiscussionQuestion

    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Hur kan fler unga nås, del {n}?")
    sub_questions = factory.LazyAttribute(lambda o: sub_questions(*o.subs))

    class Params:
        subs = ()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        raise TypeError("Build questions and pass them to ConsultationPageFactory(questions=[...]).")


class ConsultationSpeakerFactory(factory.Factory):
    """Build only, like DiscussionQuestionFactory."""

    class Meta:
        model = ConsultationSpeaker

    person = factory.SubFactory(PersonFactory)
    role = "Inleder mötet"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        raise TypeError("Build speakers and pass them to ConsultationPageFactory(speakers=[...]).")


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    consultation = factory.SubFactory(ConsultationPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = InvitationStatus.SENT


# --- raw StreamField values -------------------------------------------------------------------


def sub_questions(*texts: str) -> list[dict]:
    return [{"type": "sub_question", "value": text} for text in texts]


def agenda_item(time: dt.time, item: str, speakers=(), description: str = "") -> dict:
    return {
        "type": "item",
        "value": {
            "time": time.isoformat(),
            "item": item,
            "speakers": [person.pk for person in speakers],
            "description": description,
        },
    }


def recording(
    title: str,
    url: str,
    description: str = "",
    *,
    transcript: str = "<p>Utskrift av inspelningen.</p>",
    captions_at_host: bool = False,
    kind: str = "recording",
) -> dict:
    """A recording as stored: with a transcript unless told otherwise, as one cannot be published
    without captions or a transcript (consultations/blocks.py)."""
    value = {
        "title": title,
        "url": url,
        "description": description,
        "transcript": transcript,
        "captions_at_host": captions_at_host,
    }
    return {"type": kind, "value": value}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}

"""More of everything a public page lists, added to the test world one unit at a time: a page whose
queries grow with its content shows it as soon as a second unit is added.

One unit is: four consultations on the world's themes (two held, with published minutes, takeaways
and follow-ups; two upcoming, carrying the world's takeaways forward); on the world's consultation
speakers with photos, invited organisations, questions, agenda items, body images and carried-over
takeaways; on the world's minutes a question's record, takeaways, follow-ups and organisations; on the
standard page text and an image. Every text that search should find says SEARCH_WORD.
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from consultations.models import ConsultationPage, ConsultationSpeaker, DiscussionQuestion, Theme
from home.models import StandardPage
from invitations.models import Invitation, InvitationStatus
from minutes.models import FollowUp, MinutesPage, Takeaway
from organisations.models import Organisation, Person
from tests.factories import ConsultationPageFactory, MinutesPageFactory, agenda_item, paragraph
from tests.reading.conftest import question_record
from tests.reading.page_types import SEARCH_WORD, THEME_SLUG
from tests.world import World

PER_UNIT = 3  # speakers, organisations, questions, takeaways... of each kind added per unit


def photo(title: str):
    """An image as an editor would upload one, wider than the largest rendition the templates ask for."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1200), "teal").save(buffer, "JPEG")
    image = get_image_model()(title=title)
    image.file.save(f"{title.lower().replace(' ', '-')}.jpg", ImageFile(buffer, name="foto.jpg"), save=False)
    image.save()
    return image


def image_block(image) -> dict:
    return {"type": "image", "value": {"image": image.pk, "alt_text": image.title, "decorative": False}}


def themes() -> list[Theme]:
    integration, _ = Theme.objects.get_or_create(slug=THEME_SLUG, defaults={"name": "Integration"})
    young, _ = Theme.objects.get_or_create(slug="unga", defaults={"name": "Unga"})
    return [integration, young]


def _organisations(label: str) -> list[Organisation]:
    return Organisation.objects.bulk_create(
        Organisation(name=f"Förening {label} {n}", kind="association", county="AB") for n in range(PER_UNIT)
    )


def _illustrated(text: str, picture) -> list[dict]:
    return [paragraph(f"<p>{text}</p>"), image_block(picture)]


def _held_minutes(consultation, label: str, picture) -> MinutesPage:
    minutes = MinutesPageFactory(
        parent=consultation,
        title=f"Minnesanteckningar {label}",
        held_on=consultation.date,
        summary=f"Samtal om {SEARCH_WORD} och föreningsliv.",
        body=_illustrated("Det här kom fram.", picture),
    )
    takeaways = Takeaway.objects.bulk_create(
        Takeaway(page=minutes, sort_order=n, question_number=1, text=f"Medskick {label} {n}")
        for n in range(PER_UNIT)
    )
    follow_up = FollowUp.objects.create(
        page=minutes, sort_order=0, date=consultation.date + dt.timedelta(days=20), text="<p>Åtgärdat.</p>"
    )
    follow_up.answers.set(takeaways[:2])
    return minutes


def _more_consultations(world: World, unit: int, on_themes: list[Theme]) -> list[Takeaway]:
    """Two held in the month of the world's consultation (the annual cycle's year), two upcoming;
    returns the held ones' takeaways."""
    held_month = world.consultation.date.replace(day=1)
    carried = list(world.minutes.takeaways.all())
    picture = photo(f"Sakråd {unit}")
    takeaways = []
    for n in range(2):
        label = f"{unit}-{n}"
        held = ConsultationPageFactory(
            parent=world.index,
            title=f"Hållet sakråd {label}",
            date=held_month + dt.timedelta(days=(2 * unit + n) % 28),
            themes=on_themes,
            introduction=f"Ett sakråd om {SEARCH_WORD}, nummer {label}.",
            body=_illustrated("Så gick det till.", picture),
        )
        takeaways += _held_minutes(held, label, picture).takeaways.all()
        ConsultationPageFactory(
            parent=world.index,
            title=f"Kommande sakråd {label}",
            date=world.other_consultation.date + dt.timedelta(days=1 + 2 * unit + n),
            themes=on_themes,
            introduction=f"Ett kommande sakråd om {SEARCH_WORD}, nummer {label}.",
            body=_illustrated("Så kommer det att gå till.", picture),
            carried_takeaways=carried,
        )
    return takeaways


def _consultation_content(world: World, unit: int, on_themes, carried: list[Takeaway]) -> None:
    page = ConsultationPage.objects.get(pk=world.consultation.pk)
    people = [
        Person.objects.create(
            name=f"Talare {unit}-{n}", title="Verksamhetsledare", photo=photo(f"Talare {unit} {n}")
        )
        for n in range(PER_UNIT)
    ]
    if page.host is None:  # the optional people, once: they cost a query each, not one per unit
        page.host = people[0]
        page.press_contact = Person.objects.create(name="Pia Press", public_email="press@example.org")
    ConsultationSpeaker.objects.bulk_create(
        ConsultationSpeaker(page=page, person=person, role="Talare", sort_order=100 * unit + n)
        for n, person in enumerate(people)
    )
    Invitation.objects.bulk_create(
        Invitation(consultation=page, organisation=organisation, status=InvitationStatus.ACCEPTED)
        for organisation in _organisations(f"inbjuden {unit}")
    )
    DiscussionQuestion.objects.bulk_create(
        DiscussionQuestion(
            page=page, number=10 * unit + n + 1, sort_order=10 * unit + n, text=f"Fråga {unit}-{n}?"
        )
        for n in range(PER_UNIT)
    )
    items = [agenda_item(dt.time(9 + n), f"Punkt {unit}-{n}", people) for n in range(PER_UNIT)]
    page.agenda = [*page.agenda.raw_data, *items]
    page.body = [*page.body.raw_data, *_illustrated(f"Om {SEARCH_WORD}.", photo(f"Bild {unit}"))]
    page.themes.set(on_themes)
    page.carried_takeaways.add(*carried)
    page.save()


def _minutes_content(world: World, unit: int) -> None:
    minutes = MinutesPage.objects.get(pk=world.minutes.pk)
    points = [f"Punkt {unit}-{n} om {SEARCH_WORD}" for n in range(PER_UNIT)]
    takeaway_texts = [f"Medskick {unit}-{n}" for n in range(PER_UNIT)]
    minutes.body = [
        *minutes.body.raw_data,
        question_record(unit + 1, points, takeaway_texts),
        image_block(photo(f"Minnesbild {unit}")),
    ]
    minutes.participating_organisations.add(*_organisations(f"deltagande {unit}"))
    minutes.save()
    takeaways = Takeaway.objects.bulk_create(
        Takeaway(page=minutes, sort_order=100 * unit + n, question_number=unit + 1, text=text)
        for n, text in enumerate(takeaway_texts)
    )
    for n in range(PER_UNIT):
        follow_up = FollowUp.objects.create(
            page=minutes,
            sort_order=100 * unit + n,
            date=world.consultation.date + dt.timedelta(days=10 + n),
            text=f"<p>Åtgärd {unit}-{n}.</p>",
        )
        follow_up.answers.set(takeaways[n : n + 2])


def _standard_page_content(world: World, unit: int) -> None:
    page = StandardPage.objects.get(pk=world.standard_page.pk)
    page.body = [*page.body.raw_data, *_illustrated(f"Stycke {unit}.", photo(f"Sidbild {unit}"))]
    page.save()


def grow(world: World, units: range) -> None:
    """Add `units` of content (numbered, so units added later never clash) and rebuild the search index
    (Wagtail indexes on commit, which a test's transaction never reaches)."""
    on_themes = themes()
    for unit in units:
        carried = _more_consultations(world, unit, on_themes)
        _consultation_content(world, unit, on_themes, carried)
        _minutes_content(world, unit)
        _standard_page_content(world, unit)
    call_command("update_index", verbosity=0)


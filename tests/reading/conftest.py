"""Published minutes with points, takeaways, follow-ups and organisations, for the public reads."""

import datetime as dt

import pytest
from django.core.management import call_command

from minutes.models import FollowUp, Takeaway
from tests.factories import ConsultationPageFactory, MinutesPageFactory, OrganisationFactory, ThemeFactory


def question_record(number: int, points: list[str], takeaways: list[str] = ()) -> dict:
    return {
        "type": "question_record",
        "value": {
            "number": number,
            "question": f"Hur kan samverkan stärkas, fråga {number}?",
            "sub_questions": ["Vad fungerar i dag?"],
            "takeaways": [f"<p>{text}</p>" for text in takeaways],
            "points": [f"<p>{text}</p>" for text in points],
        },
    }


def presentation(title: str) -> dict:
    return {"type": "presentation", "value": {"title": title, "presenters": "Departementet", "summary": ""}}


def build_minutes(parent, *, size: int, title: str = "Minnesanteckningar", word: str = "samverkan", **fields):
    """Published minutes with `size` points, takeaways, follow-ups (each answering two takeaways) and
    participating organisations."""
    minutes = MinutesPageFactory(
        parent=parent,
        title=title,
        held_on=parent.date,
        organiser="Arbetsmarknadsdepartementet",
        body=[
            presentation("Inledning om det civila samhällets villkor"),
            question_record(
                1, [f"Punkt {n} om {word}" for n in range(size)], ["Ett medskick om långsiktighet"]
            ),
        ],
        **fields,
    )
    organisations = [OrganisationFactory(name=f"Organisation {title} {n}") for n in range(size)]
    minutes.participating_organisations.set(organisations)
    minutes.save_revision().publish()
    takeaways = [
        Takeaway.objects.create(page=minutes, sort_order=n, question_number=1, text=f"Medskick nummer {n}")
        for n in range(size)
    ]
    for n in range(size):
        follow_up = FollowUp.objects.create(
            page=minutes,
            sort_order=n,
            date=parent.date + dt.timedelta(days=30 + n),
            text=f"<p>Departementet har gjort åtgärd {n}.</p>",
        )
        follow_up.answers.set(takeaways[n : n + 2])
    return minutes.__class__.objects.get(pk=minutes.pk)


@pytest.fixture
def theme():
    return ThemeFactory(name="Barn och unga")


@pytest.fixture
def held(index, now, theme):
    return ConsultationPageFactory(
        parent=index,
        title="Sakråd om barn och unga",
        date=now.date() - dt.timedelta(days=60),
        themes=[theme],
    )


@pytest.fixture
def minutes(held):
    return build_minutes(held, size=3, title="Minnesanteckningar om barn och unga", word="fritidsgårdar")


@pytest.fixture
def reindex():
    """Wagtail updates its index when the task after a save runs (on commit); tests roll back, so
    rebuild it from the rows as they are."""

    def run():
        call_command("update_index", verbosity=0)

    return run

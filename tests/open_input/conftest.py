"""A live consultation with two published questions, open to open input around the frozen clock."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from open_input.models import InputAnswer, OpenInputPeriod
from tests.factories import ConsultationPageFactory, DiscussionQuestionFactory, UserFactory

SCRIPT = '<script>alert("inspel")</script><b onmouseover="x()">fet</b>'


@pytest.fixture
def consultation(index, now):
    return ConsultationPageFactory(
        parent=index,
        title="Sakråd om unga och föreningsliv",
        questions=[
            DiscussionQuestionFactory.build(
                number=1, text="Hur når vi fler unga?", subs=("Vilka hinder finns?", "Vad fungerar?")
            ),
            DiscussionQuestionFactory.build(number=2, text="Vad behöver föreningarna av staten?"),
        ],
    )


@pytest.fixture
def period(consultation, now) -> OpenInputPeriod:
    return OpenInputPeriod.objects.create(
        consultation=consultation,
        opens_at=now - dt.timedelta(days=2),
        closes_at=now + dt.timedelta(days=14),
        intro="Vi vill särskilt höra från unga.",
    )


@pytest.fixture
def other_staff(db):
    """Staff who may enter the admin but have no rights on any page."""
    user = UserFactory(email="praktikant@example.org", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_url(consultation) -> str:
    return reverse("open_input:form", args=[consultation.pk])


def admin_url(consultation) -> str:
    return reverse("open_input_admin:index", args=[consultation.pk])


def send(client, consultation, **data):
    """POST the public form; by default one answer to question 1."""
    data.setdefault("question_1", "Fritidsgårdar som är öppna på kvällen.")
    return client.post(
        form_url(consultation), {key: value for key, value in data.items() if value is not None}
    )


def answer(consultation, text="Ett svar.", **fields) -> InputAnswer:
    return InputAnswer.objects.create(consultation=consultation, text=text, **fields)

"""/ws/panel/<id>: refused to outsiders in connect, pushes the state on every change (no names), checks
access again before each push, and closes on anything a client sends but a ping, without harm."""

from __future__ import annotations

import functools
import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator

from panel_questions.models import QuestionStatus
from panel_questions.services import panel_question_ask, panel_question_moderate
from tests.notes.clients import headers_for

from .conftest import logged_in

pytestmark = pytest.mark.django_db(transaction=True)


def sync(scenario):
    """A socket scenario run as a plain test, as the notes' tests do."""

    @functools.wraps(scenario)
    def test(*args, **kwargs):
        return async_to_sync(scenario)(*args, **kwargs)

    return test


def _headers(user, origin):
    return headers_for(logged_in(user) if user is not None else None, origin)


async def socket(room, user, origin="http://testserver"):
    from sakrad.asgi import application  # only once Django is set up by pytest-django

    headers = await sync_to_async(_headers)(user, origin)
    return WebsocketCommunicator(application, f"/ws/panel/{room.consultation.pk}", headers=headers)


async def state(communicator) -> dict:
    return json.loads(await communicator.receive_from(timeout=5))


@sync
async def test_attendees_and_staff_connect_others_are_refused(room):
    for user in (room.asker, room.member, room.organiser):
        communicator = await socket(room, user)
        connected, _ = await communicator.connect()
        assert connected
        assert (await state(communicator))["type"] == "state"
        await communicator.disconnect()
    for user in (room.outsider, None):
        communicator = await socket(room, user)
        connected, _ = await communicator.connect()
        assert not connected
    foreign = await socket(room, room.asker, origin="https://evil.example")
    assert not (await foreign.connect())[0]


@sync
async def test_a_change_is_pushed_with_no_name(room):
    communicator = await socket(room, room.remote)
    await communicator.connect()
    first = await state(communicator)
    assert first["answering"] is None and first["open"] is True
    asked = await sync_to_async(panel_question_ask)(
        consultation=room.consultation, text="Live?", user=room.asker
    )
    await state(communicator)  # a new waiting question: the room's state is the same, and no text
    await sync_to_async(panel_question_moderate)(question=asked, decision="approve", user=room.organiser)
    await state(communicator)
    await sync_to_async(panel_question_moderate)(question=asked, decision="answer_now", user=room.organiser)
    pushed = await state(communicator)
    assert pushed["answering"] == {"id": asked.pk, "text": "Live?"}
    assert "Åsa" not in json.dumps(pushed, ensure_ascii=False) and room.asker.email not in json.dumps(pushed)
    await communicator.disconnect()


@sync
async def test_a_person_who_loses_access_is_closed_at_the_next_push(room):
    communicator = await socket(room, room.remote)
    await communicator.connect()
    await state(communicator)
    room.remote.is_active = False
    await sync_to_async(room.remote.save)()
    await sync_to_async(panel_question_ask)(consultation=room.consultation, text="Och nu?", user=room.asker)
    output = await communicator.receive_output(timeout=5)
    assert output == {"type": "websocket.close", "code": 4403}


@sync
@pytest.mark.parametrize(
    "frame",
    [
        {"text_data": '{"type": "ping", "x": 1}'},
        {"text_data": '{"type": "ask", "text": "<script>"}'},
        {"text_data": "not json"},
        {"text_data": "[" * 50_000},
        {"text_data": "x" * 1_000_000},
        {"bytes_data": b"\x00\xff" * 100},
        {"text_data": '{"type": "moderate", "decision": "approve", "question": 1}'},
    ],
)
async def test_crafted_frames_close_the_socket_and_change_nothing(room, frame):
    communicator = await socket(room, room.asker)
    await communicator.connect()
    await state(communicator)
    await communicator.send_to(**frame)
    assert await communicator.receive_output(timeout=5) == {"type": "websocket.close", "code": 4400}
    others = await socket(room, room.remote)
    assert (await others.connect())[0]
    assert (await state(others))["questions"] == []
    await others.disconnect()


@sync
async def test_a_ping_gets_a_pong(room):
    communicator = await socket(room, room.asker)
    await communicator.connect()
    await state(communicator)
    await communicator.send_to(text_data='{"type": "ping"}')
    assert json.loads(await communicator.receive_from(timeout=5)) == {"type": "pong"}
    await communicator.disconnect()


@sync
async def test_hidden_questions_leave_the_pushed_list(room):
    asked = await sync_to_async(panel_question_ask)(
        consultation=room.consultation, text="Ja", user=room.asker
    )
    await sync_to_async(panel_question_moderate)(question=asked, decision="approve", user=room.organiser)
    communicator = await socket(room, room.remote)
    await communicator.connect()
    assert [q["id"] for q in (await state(communicator))["questions"]] == [asked.pk]
    await sync_to_async(panel_question_moderate)(question=asked, decision="hide", user=room.organiser)
    assert (await state(communicator))["questions"] == []
    await communicator.disconnect()
    await sync_to_async(asked.refresh_from_db)()
    assert asked.status == QuestionStatus.HIDDEN

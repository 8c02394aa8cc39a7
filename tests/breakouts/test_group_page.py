"""The group page hands the browser its socket path and an offline store no other group shares."""

from __future__ import annotations

from bs4 import BeautifulSoup

from breakouts.models import BreakoutGroup
from breakouts.services import breakout_group_create, group_member_add


def _notes_root(client, group):
    response = client.get(f"/grupper/{group.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("#notes")


def test_the_group_page_names_its_socket_and_its_own_offline_store(client, consultation, attend):
    person = attend()
    group = breakout_group_create(consultation=consultation, name="Grupp A")
    group_member_add(group=group, person=person)
    client.force_login(person)
    root = _notes_root(client, group)
    assert root["data-notes-url"] == f"/ws/notes/{group.pk}"
    store = root["data-offline-store"]

    # A database recreated from scratch gives a new group the same id: its offline copy must differ.
    BreakoutGroup.objects.filter(pk=group.pk).delete()
    again = breakout_group_create(consultation=consultation, name="Grupp A")
    BreakoutGroup.objects.filter(pk=again.pk).update(id=group.pk)
    again = BreakoutGroup.objects.get(pk=group.pk)
    group_member_add(group=again, person=person)
    assert _notes_root(client, again)["data-offline-store"] != store


def test_without_javascript_the_pages_show_the_live_notes(client, consultation, attend):
    """Before note-taking closes, the server-rendered group page and wall read the log, not old rows."""
    from breakouts.services import note_taking_open
    from notes.services import note_update_append
    from tests.breakouts.test_services import _points_update

    person = attend()
    group = breakout_group_create(consultation=consultation, name="Grupp A")
    group_member_add(group=group, person=person)
    note_taking_open(consultation=consultation)
    note_update_append(group_id=group.pk, update=_points_update(), author_id=None)
    client.force_login(person)
    notes = _notes_root(client, group).get_text(" ", strip=True)
    assert "Långsiktighet" in notes and "Enkelt språk" in notes

    staff = type(person).objects.create_superuser(email="stab@example.org", password="x-Lösenord-123456")
    client.force_login(staff)
    wall = BeautifulSoup(client.get(f"/grupper/plenum/{consultation.pk}/").content, "html.parser")
    wall_text = wall.get_text(" ", strip=True)
    assert "Långsiktighet" in wall_text and "Enkelt språk" not in wall_text

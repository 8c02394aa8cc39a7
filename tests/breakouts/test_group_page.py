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
    group_member_add(group=group, user=person)
    client.force_login(person)
    root = _notes_root(client, group)
    assert root["data-notes-url"] == f"/ws/notes/{group.pk}"
    store = root["data-offline-store"]

    # A database recreated from scratch gives a new group the same id: its offline copy must differ.
    BreakoutGroup.objects.filter(pk=group.pk).delete()
    again = breakout_group_create(consultation=consultation, name="Grupp A")
    BreakoutGroup.objects.filter(pk=again.pk).update(id=group.pk)
    again = BreakoutGroup.objects.get(pk=group.pk)
    group_member_add(group=again, user=person)
    assert _notes_root(client, again)["data-offline-store"] != store

"""Anonymous by design: once an attendee has answered, nothing in the database leads from them (their
attendee row, their address, their link) to their answer. Every table is read to prove it."""

import pytest
from django.apps import apps
from django.db import connection

from evaluations.models import EvaluationAnswer, EvaluationLink
from invitations.tokens import token_hash

from .conftest import answer_data, answer_url, send

pytestmark = pytest.mark.django_db

# What an answer holds: its random key, its evaluation, the four steps and the comment. No time, no
# language, no link, no person.
ANSWER_COLUMNS = {
    "id",
    "evaluation_id",
    "could_say",
    "material_in_time",
    "material_accessible",
    "would_return",
    "comment",
}


def every_value_in_the_database() -> list[tuple[str, str]]:
    """(table, text of a row) for every row of every table, read as the database holds it."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 -- names from the schema
            found.extend((table, " ".join(str(value) for value in row)) for row in cursor.fetchall())
    return found


def test_the_answer_holds_nothing_but_the_answers():
    columns = {
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), EvaluationAnswer._meta.db_table
        )
    }
    assert columns == ANSWER_COLUMNS


def test_no_table_points_at_an_answer():
    pointing = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model is EvaluationAnswer
    ]
    assert pointing == []


def test_after_answering_nothing_links_the_person_or_the_link_to_the_answer(
    held, organiser, mailoutbox, client
):
    links = send(held.consultation, organiser, mailoutbox)
    person = held.checked_in[0]
    link = links[person.email]
    digest = token_hash(link[1])
    link_id = EvaluationLink.objects.get(attendee=person).pk
    client.post(answer_url(link), answer_data(comment="Ingen ska kunna se att detta var jag."))

    answer = EvaluationAnswer.objects.get()
    rows = every_value_in_the_database()
    assert not [table for table, text in rows if link[1] in text], "the token is stored somewhere"
    assert not [table for table, text in rows if digest in text], "the token's hash outlived its use"
    assert not EvaluationLink.objects.filter(pk=link_id).exists()
    # The answer's key is in its own row only: no log line, no mail, no job names it.
    holders = {table for table, text in rows if str(answer.pk).replace("-", "") in text.replace("-", "")}
    assert holders == {EvaluationAnswer._meta.db_table}
    # And the answer's row holds nothing of the person's.
    row_text = next(text for table, text in rows if table == EvaluationAnswer._meta.db_table)
    for trace in (person.email, person.name):
        assert trace not in row_text


def test_the_others_links_still_say_nothing_about_who_answered(held, organiser, mailoutbox, client):
    links = send(held.consultation, organiser, mailoutbox)
    client.post(answer_url(links[held.checked_in[0].email]), answer_data())

    # Those who have not answered keep a link (for the reminder); nobody's row says "answered".
    remaining = set(EvaluationLink.objects.values_list("attendee__email", flat=True))
    assert remaining == {person.email for person in held.checked_in[1:]}
    assert {field.name for field in EvaluationLink._meta.concrete_fields} == {
        "id",
        "evaluation",
        "attendee",
        "token_hash",
        "created_at",
    }

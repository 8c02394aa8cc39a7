"""Nothing links a person to a vote: every table of the database is read before the ballot, after it
and after the round closes, and every row the round wrote or changed is searched for the voter."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import connection

from priorities.models import PriorityVoter
from priorities.services import priority_round_close

from .conftest import logged_in, vote_url


def snapshot() -> dict[str, set[tuple]]:
    """Every row of every table, as tuples of its values."""
    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 (table names from the database itself)
            tables[table] = {tuple(row) for row in cursor.fetchall()}
    return tables


def written(before, after) -> dict[str, set[tuple]]:
    """The rows that are new or changed, by table."""
    return {
        table: rows - before.get(table, set())
        for table, rows in after.items()
        if rows - before.get(table, set())
    }


def user_columns() -> dict[str, list[int]]:
    """For each table, the positions of its columns that point at an account."""
    User = get_user_model()
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            description = connection.introspection.get_table_description(cursor, table)
            relations = connection.introspection.get_relations(cursor, table)
            positions = [
                position
                for position, column in enumerate(description)
                if column.name in relations and relations[column.name][1] == User._meta.db_table
            ]
            if positions:
                found[table] = positions
    return found


def mentions(rows_by_table, person, columns) -> list[str]:
    """Where the rows name `person`: an account column holding their id, or any text holding their address."""
    hits = []
    for table, rows in rows_by_table.items():
        for row in rows:
            as_account = any(row[position] == person.pk for position in columns.get(table, []))
            as_address = any(isinstance(value, str) and person.email in value for value in row)
            if as_account or as_address:
                hits.append(f"{table}: {row}")
    return hits


def test_nothing_links_a_person_to_a_vote(day):
    round = day.start()
    voter = day.remote
    client = logged_in(voter)
    client.get(vote_url(day.consultation))  # the session exists before the baseline
    columns = user_columns()
    before = snapshot()

    chosen = list(round.options.order_by("sort_order"))[1]
    response = client.post(vote_url(day.consultation), {"round": str(round.pk), "option": [str(chosen.pk)]})
    assert response.status_code == 302
    during = written(before, snapshot())
    # While the round is open, one row says the person has voted, and none of it says for what.
    assert set(during) <= {
        "priorities_priorityvoter",
        "priorities_priorityoption",
        "priorities_priorityround",
    }
    (voter_row,) = during["priorities_priorityvoter"]
    voter_columns = [
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), "priorities_priorityvoter"
        )
    ]
    assert sorted(voter_columns) == ["id", "round_id", "user_id"]
    assert (
        mentions({k: v for k, v in during.items() if k != "priorities_priorityvoter"}, voter, columns) == []
    )

    # The organiser closes: nothing of the voter is left.
    priority_round_close(round=round, user=day.organiser)
    after = snapshot()
    assert not PriorityVoter.objects.exists()
    assert mentions(written(before, after), voter, columns) == []
    # Every table the round wrote, read whole: the voter is nowhere in it.
    round_tables = {table: rows for table, rows in after.items() if table.startswith("priorities_")}
    assert mentions(round_tables, voter, columns) == []
    assert chosen.pk in {row[0] for row in after["priorities_priorityoption"]}

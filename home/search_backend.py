"""Wagtail's PostgreSQL search, finding words joined by hyphens ("Ku2026-01234", "18-25").

Wagtail splits such a word into separate terms, while PostgreSQL indexed it whole, or its number
with a minus sign ("-25"): the terms never matched on PostgreSQL, though they did on SQLite. Each
hyphenated word is sought as a phrase instead, which PostgreSQL parses exactly as it parsed the page.
Used for the site's search, the open-data API's `?search=` and the admin alike (settings/base.py).
"""

import re

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.query import And, Or, Phrase, PlainText

HYPHENATED = re.compile(r"\w-\w")


def hyphenated_as_phrases(query: PlainText) -> PlainText | And | Or:
    words = query.query_string.split()
    phrases = [Phrase(word) for word in words if HYPHENATED.search(word)]
    if not phrases:
        return query
    rest = " ".join(word for word in words if not HYPHENATED.search(word))
    parts = ([PlainText(rest, operator=query.operator)] if rest else []) + phrases
    if len(parts) == 1:
        return parts[0]
    return And(parts) if query.operator == "and" else Or(parts)


class HyphenAwareQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            query = hyphenated_as_phrases(query)
        return super().build_tsquery_content(query, config=config, invert=invert)


class SearchBackend(PostgresSearchBackend):
    query_compiler_class = HyphenAwareQueryCompiler

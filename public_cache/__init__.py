"""The shared cache of what anonymous visitors read: published pages and feeds, stored whole after
the first render and served without touching the database until anything is written.

- `generation.py`: one token in the shared cache that every stored page is checked against;
- `writes.py`: any write to a table a public page may show replaces that token (invalidation);
- `views.py`: which views' responses may be shared (`public_cache` and Wagtail's page serving);
- `middleware.py`: serving from and storing into the cache, conditional GETs, Cache-Control.

docs/public-cache.md explains the rules and what is never cached.
"""

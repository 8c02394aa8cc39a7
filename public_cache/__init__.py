"""The shared cache of what anonymous visitors read: published pages and feeds, stored whole after
the first render and served without touching the database until anything is written.

- `generation.py`: one token in the shared cache that every stored page is checked against;
- `writes.py`: any write to a table a public page may show replaces that token (invalidation);
- `declarations.py`: how each model says whether public pages show it (`third_party.py` for
  Wagtail's, Django's and other projects' models), which `writes.py` learns at startup;
- `views.py`: which views' responses may be shared (`public_cache` and Wagtail's page serving);
- `middleware.py`: serving from and storing into the cache, conditional GETs, Cache-Control;
- `expiry.py`: how long an answer is kept, up to the next change by the clock that apps register in
  `clock.py` (a consultation's status).

docs/public-cache.md explains the rules and what is never cached.
"""

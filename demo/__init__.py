"""The demo data behind `python manage.py seed_demo`.

`content/` holds the facts and texts as plain data (written by us in Swedish from the facts of the
source documents, never copied from them); the other modules turn that data into rows and pages:

- `services.demo_seed()` runs everything in one transaction and is safe to run again;
- `site_tree` the home page, the default Site (and its accessibility settings), published pages;
- `translations` the front page and the about page in the national minority languages;
- `directory` themes, organisations and people;
- `events` consultations, conferences, their invitations and minutes;
- `accounts` the demo users and their Wagtail groups;
- `organisation_import` an imported register: a spreadsheet brought in through the import, once;
- `streams` raw StreamField blocks; `tally` counts what was created and what already existed.

Every row is looked up by a stable key (page slug under its parent, theme slug, organisation name,
person name, user email), so a second run creates, changes and republishes nothing.
"""

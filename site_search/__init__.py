"""The public search, across consultations and their minutes (`/sok/`).

An app of its own above Record rather than part of home: it reads both consultations and minutes
(their takeaways, their consultation's title), and home, a part of Content, may not import minutes.
Nothing imports it but the URLconf; it has no models, so it needs no AppConfig.
"""

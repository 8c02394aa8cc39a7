"""How long an unused evaluation link is kept after its evaluation closed: long enough to move a closing
date that came too soon, no longer, since by then a link only says who was mailed. Read by the erasure
(services/erase.py) and the data inventory (privacy/inventory.py)."""

LINK_KEEP_DAYS = 14

"""The signed links of a follower's mails: confirm (valid a few days) and unsubscribe (valid while the
follower exists). Each carries the row's id and nonce: a link to a deleted follower answers nothing,
even when the address follows the takeaway again."""

from __future__ import annotations

from django.core import signing

CONFIRM_SALT = "outcomes.follower.confirm"
UNSUBSCRIBE_SALT = "outcomes.follower.unsubscribe"
# Also how long an unconfirmed request is kept (services/erase.py).
CONFIRM_DAYS = 3


def confirm_token(follower) -> str:
    return signing.dumps([follower.pk, follower.nonce], salt=CONFIRM_SALT, compress=True)


def unsubscribe_token(follower) -> str:
    return signing.dumps([follower.pk, follower.nonce], salt=UNSUBSCRIBE_SALT, compress=True)


def _read(token: str, *, salt: str, max_age=None) -> tuple[int, str] | None:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        return None
    return value[0], str(value[1])


def confirm_token_read(token: str) -> tuple[int, str] | None:
    return _read(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)


def unsubscribe_token_read(token: str) -> tuple[int, str] | None:
    return _read(token, salt=UNSUBSCRIBE_SALT)

"""RSVP tokens: 256 random bits in the link, only their SHA-256 in the database."""

import hashlib
import re
import secrets

TOKEN_BYTES = 32  # 256 bits; the brief asks for at least 128
# token_urlsafe(32) is 43 characters of the URL-safe base64 alphabet.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def token_new() -> tuple[str, str]:
    """A fresh token and its hash: the token goes into the email, the hash into the database."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    # A plain hash is enough: the token is random and long, so there is nothing to guess or salt.
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def token_well_formed(token: str) -> bool:
    return bool(TOKEN_PATTERN.match(token))

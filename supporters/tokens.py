"""Signed, expiring links for supporters (confirm a subscription, unsubscribe, preferences, confirm a signature).

A token carries only a row's primary key, signed with ``SECRET_KEY`` and salted by its purpose, so a
token made to confirm cannot be used to unsubscribe, and no address appears in a link.
"""

from datetime import timedelta

from django.core import signing

SALT_PREFIX = "munasara.supporters."


class InvalidToken(Exception):  # noqa: N818 (the name the contract with supporters-actions fixed)
    """The token is expired, tampered with, or was made for another purpose."""


def make_token(purpose: str, pk: int) -> str:
    """A URL-safe token naming row ``pk`` for ``purpose`` (e.g. "confirm", "unsubscribe")."""
    return signing.dumps(int(pk), salt=SALT_PREFIX + purpose, compress=False)


def read_token(purpose: str, token: str, max_age: timedelta | None) -> int:
    """The primary key in ``token`` if it was made for ``purpose`` less than ``max_age`` ago (None: no expiry).

    Raises :class:`InvalidToken` otherwise.
    """
    try:
        value = signing.loads(str(token), salt=SALT_PREFIX + purpose, max_age=max_age)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise InvalidToken(str(error)) from None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidToken("not a key")
    return value

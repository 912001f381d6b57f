"""E-mail addresses in one comparable form, so that one mailbox written several ways is one key.

Lower case, no "mailto:" or angle brackets, "(at)"/"[at]" read as "@", sub-address tags
("name+shop@") dropped, and Gmail's ignored dots removed. None when it cannot be an address.
"""

from __future__ import annotations

import re
from functools import lru_cache

_OBFUSCATED_AT = re.compile(r"\s*[\(\[\{]\s*(?:at|et|@)\s*[\)\]\}]\s*", re.IGNORECASE)
_OBFUSCATED_DOT = re.compile(r"\s*[\(\[\{]\s*(?:dot|tocka|točka|pika)\s*[\)\]\}]\s*", re.IGNORECASE)
_LOCAL = re.compile(r"^[a-z0-9!#$%&'*/=?^_`{|}~.-]+$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
# Mailboxes where dots in the local part are ignored by the provider.
_DOTS_IGNORED = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


@lru_cache(maxsize=1 << 16)
def normalise_email(raw: str | None) -> str | None:
    """'<Marko.Petrovic+shop@GoogleMail.com>' -> 'markopetrovic@gmail.com'; 'n/a' -> None."""
    if not raw:
        return None
    text = raw.strip().strip("<>\"' ").lower()
    if text.startswith("mailto:"):
        text = text[7:]
    if "(" in text or "[" in text or "{" in text:  # "(at)", "[dot]": only ever written in brackets
        text = _OBFUSCATED_DOT.sub(".", _OBFUSCATED_AT.sub("@", text))
    text = text.replace(" ", "")
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        return None
    domain = domain.rstrip(".")
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    local = local.split("+", 1)[0]
    if domain in _DOTS_IGNORED:
        domain = _DOTS_IGNORED[domain]
        local = local.replace(".", "")
    if not local or not _LOCAL.match(local) or not _DOMAIN.match(domain):
        return None
    return f"{local}@{domain}"

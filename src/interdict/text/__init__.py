"""Normalised text for matching: one form for every script and spelling of the region.

`fold` is what rules and keyword lists match on (`fold_description` for goods descriptions, with
spelled-out and look-alike letters joined back); the other normalisers give the forms that the
watchlist matcher and the cross-shipment indicators compare (names, phones, e-mails, addresses).
Each is computed once, at ingest, into its own column.
"""

from __future__ import annotations

from interdict.text.addresses import normalise_address
from interdict.text.descriptions import fold_description
from interdict.text.emails import normalise_email
from interdict.text.names import identifying_words, name_tokens, normalise_name, spelling_skeleton
from interdict.text.phones import normalise_phone
from interdict.text.scripts import fold, to_cyrillic, to_latin

__all__ = [
    "fold",
    "fold_description",
    "to_latin",
    "to_cyrillic",
    "normalise_name",
    "name_tokens",
    "identifying_words",
    "spelling_skeleton",
    "normalise_phone",
    "normalise_email",
    "normalise_address",
]

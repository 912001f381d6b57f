"""The normalised keys a shipment is stored with are the public normalisers' forms of its parties,
whatever the text: ingest caches whole results and calls the normalisers past their own caches,
and the watchlist matcher and the cross-shipment indicators compare against these columns."""

from __future__ import annotations

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.ingest.readers import SourceRecord
from interdict.ingest.shipments import shipment_columns
from interdict.ingest.validation import check
from interdict.text import fold, normalise_address, normalise_email, normalise_phone
from tests.factories import shipment

# Latin with diacritics, Serbian and Macedonian Cyrillic, Greek, Arabic and Hebrew (right to left),
# emoji, digits and the punctuation addresses, phones and e-mails are written with; never NUL.
_ALPHABET = st.one_of(
    st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-/()+@[]<>'\"#:;")),
    st.sampled_from(list("čćđšžČĆĐŠŽëçöüßåøÆÑ")),
    st.sampled_from(list("абвгдђежзијклљмнњопрстћуфхцчџшѓѕќјАБВЃЅЌЏЉЊЂЋ")),
    st.sampled_from(list("αβγΔΩשלוםمحمد٣٨٩\u200f\u200b")),
    st.sampled_from(["🚀", "🏠", "👍", "🏽", "\u0301", "\ufb01", "²", "Ⅻ"]),
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
)
junk = st.text(alphabet=_ALPHABET, max_size=30)
streets = st.one_of(junk, st.sampled_from(["ул. Македонија бр. 12", "Bul. Partizanski odredi bb", "Ulica 12 a", "б.б.",
                                           "Кнеза Милоша 5/3", "Rruga Barrikadave, Nr. 115", "Jovana Cvijića 12 A"]))
cities = st.one_of(junk, st.sampled_from(["Скопје", "Beograd 11000", "MK-1000 Skopje", "Niš", "Tiranë", "Ohrid  "]))
phones = st.one_of(junk, st.sampled_from(["070 123 456", "+389 (0)70 123 456", "00381 64 123 4567", "38970123456",
                                          "064/123-45-67", "+7 (495) 123-45-67", "070 123 456 лок. 12", "+1 555 0100 x 23"]))
emails = st.one_of(junk, st.sampled_from(["<Marko.Petrovic+shop@GoogleMail.com>", "ana (at) mail (dot) rs", "n/a",
                                          "ivan@пример.рф", "x[at]y[tocka]com"]))
countries = st.sampled_from(["MK", "RS", "AL", "CN", "TR", "US", "XK"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=junk.filter(str.strip), street=streets, city=cities, postcode=junk, country=countries, phone=phones, email=emails)
def test_stored_keys_are_the_normalisers_forms(name: str, street: str, city: str, postcode: str, country: str,
                                               phone: str, email: str) -> None:  # fmt: skip
    record = shipment()
    record["consignee"] = {"name": name, "street": street, "city": city, "postcode": postcode, "country": country,
                           "phone": phone, "email": email}  # fmt: skip
    body = orjson.dumps(record)
    checked = check(SourceRecord(location="line 1", raw=body, json=body), kind="shipments")
    assert checked.valid, checked.problems
    # Twice: the first answer is computed, the second comes from ingest's caches.
    for _ in range(2):
        row, _items = shipment_columns(checked.record)  # type: ignore[arg-type]
        assert row["consignee_name_norm"] == fold(name)
        assert row["consignee_address_norm"] == normalise_address(street=street, postcode=postcode, city=city, country=country)
        assert row["consignee_phone_norm"] == (normalise_phone(phone, country=country) if phone else None)
        assert row["consignee_email_norm"] == (normalise_email(email) if email else None)

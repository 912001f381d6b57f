"""From a source record to a validated record or to its exact reasons (field, rule, value).

Pydantic does the checking (a plainly valid NDJSON shipment takes the quick check first, which
gives the same result); this module only names the problems the way a partner reads them:
`consignee.country` for NDJSON, `consignee_country` (line 12) for the CSV form.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from pydantic import ValidationError

from interdict.errors import Problem
from interdict.ingest.quick_check import quick_flat_shipment, quick_shipment
from interdict.ingest.readers import RECORD_LEVEL, SourceRecord, json_problem
from interdict.ingest.schemas import RECORD_TYPES, Record

_CSV_PARENTS = {"shipper": "shipper_", "consignee": "consignee_", "items": "item_", "findings": "finding_"}


_KEYS = {"shipments": ("reporter", "shipment_id"), "outcomes": ("reporter", "shipment_id"),
         "watchlist": ("list_id", "entry_id")}  # fmt: skip


@dataclass(slots=True)
class Checked:
    """The outcome of validating one source record: valid, or its problems.

    A valid record carries its canonical JSON and hash, its identifying key, and for shipments the
    flattened row and item rows (`values`, in `shipments.ROW_KEYS` and `ITEM_KEYS` order; `columns`
    names them); `record` (the model) may be dropped when prepared in a worker process.
    """

    source: SourceRecord
    record: Record | None
    problems: list[Problem]
    record_json: bytes = b""  # canonical JSON of the valid record (what a version stores)
    record_hash: str = ""
    key: tuple[str, ...] = ()
    reporter: str | None = None
    values: Any = None

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def columns(self) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """The flattened row and item rows by name (a shipment's; None for other kinds)."""
        from interdict.ingest.shipments import as_columns  # shipments writes Checked records: imported when asked

        return None if self.values is None else as_columns(self.values)

    def reject(self, problem: Problem) -> None:
        self.record = None
        self.values = None
        self.problems = [problem]


def check(source: SourceRecord, *, kind: str, assume_tz: tzinfo | None = None, quick: bool = True) -> Checked:
    """Validate one record; `quick=False` skips the quick check (tests compare the two)."""
    if source.problems:
        return Checked(source, None, source.problems)
    if quick and kind == "shipments" and (source.json is not None or source.flat):
        if source.json is not None:
            plain = quick_shipment(source.json, assume_tz=assume_tz)
        else:
            plain = quick_flat_shipment(source.data, assume_tz=assume_tz) if isinstance(source.data, dict) else None
        if plain is not None:
            shipment, canonical = plain
            digest = hashlib.blake2b(canonical, digest_size=16).hexdigest()
            key = (shipment.reporter, shipment.shipment_id)
            return Checked(source, shipment, [], canonical, digest, key, shipment.reporter)  # type: ignore[arg-type]
    model = RECORD_TYPES[kind]
    context = {"assume_tz": assume_tz}
    try:
        if source.json is not None:
            record = model.model_validate_json(source.json, context=context)
        else:
            record = model.model_validate(source.data, context=context)
    except ValidationError as error:
        return Checked(source, None, [_problem(e, source) for e in error.errors(include_url=False)])
    canonical = record.model_dump_json(exclude_none=True).encode()
    digest = hashlib.blake2b(canonical, digest_size=16).hexdigest()
    key = tuple(getattr(record, name) for name in _KEYS[kind])
    return Checked(source, record, [], canonical, digest, key, getattr(record, "reporter", None))


def _problem(error: Any, source: SourceRecord) -> Problem:
    loc = error["loc"]
    rule = error["type"]
    value = error.get("input")
    message = error["msg"]
    if rule == "json_invalid":
        return json_problem(source.json or b"", message)
    if rule in {"model_type", "dict_type"} and not loc:
        return Problem(RECORD_LEVEL, "json_object", _short(value), "must be a JSON object")
    if rule == "missing":
        value = None
    elif isinstance(value, dict):
        value = "{…}"
    elif isinstance(value, (bytes, list)):
        value = _short(value)
    return Problem(_field_name(loc, source), rule, value, message)


def _short(value: Any) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _field_name(loc: tuple[Any, ...], source: SourceRecord) -> str:
    if not loc:
        return RECORD_LEVEL
    if not source.flat:
        name = ""
        for part in loc:
            name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
        return name
    head, *rest = loc
    if head in _CSV_PARENTS and rest:
        if isinstance(rest[0], int):
            index, *rest = rest
            where = ""
            if source.item_locations and index < len(source.item_locations):
                where = f" ({source.item_locations[index]})"
            return _CSV_PARENTS[head] + "_".join(map(str, rest)) + where if rest else f"{head}{where}"
        return _CSV_PARENTS[head] + "_".join(map(str, rest))
    return "_".join(map(str, loc))

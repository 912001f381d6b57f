"""The exchange bundle: building one from documents, checking it against the versioned JSON Schema
(`schemas/v1/`), and the canonical serialisation that is signed. See docs/exchange.md.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from pydantic import BaseModel
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from interdict.errors import InvalidInput, Problem

FORMAT = "interdict-exchange"
FORMAT_VERSION = "1.0"
SUPPORTED_MAJOR_VERSIONS = frozenset({"1"})
DOCUMENT_TYPES = ("seizure_report", "firearm", "tracing_request", "tracing_response", "case_referral")
SCHEMA_DIR = Path(__file__).with_name("schemas") / "v1"
_SCHEMA_ID = "urn:interdict:exchange:v1:{}"
# Only used to check an unsigned bundle against the schema, which requires a signature.
_PLACEHOLDER_SIGNATURE = {"algorithm": "Ed25519", "key_id": "sha256:" + "0" * 64, "value": "A" * 86 + "=="}


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = _registry().contents(_SCHEMA_ID.format(name))
    return Draft202012Validator(schema, registry=_registry())


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema called `name` ('bundle', 'firearm', 'seizure_report', ...)."""
    return dict(_registry().contents(_SCHEMA_ID.format(name)))


def schema_problems(instance: Any, *, name: str) -> list[Problem]:
    """Every way `instance` breaks schema `name`, each naming the JSON path of the offending value."""
    problems = []
    for error in sorted(_validator(name).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        # if/then and allOf report the outer failure; the innermost errors say what is really wrong.
        for leaf in _leaves(error):
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in leaf.absolute_path).lstrip(".")
            problems.append(Problem(path or "(bundle)", f"schema:{leaf.validator}", _shown(leaf.instance), leaf.message))
    return problems


def _leaves(error: Any) -> list[Any]:
    if not error.context:
        return [error]
    return [leaf for sub in error.context for leaf in _leaves(sub)]


def _shown(value: Any) -> Any:
    return value if not isinstance(value, (dict, list)) else f"<{type(value).__name__}>"


def validate_document(content: Mapping[str, Any], *, document_type: str) -> None:
    """InvalidInput unless `content` is a valid document of `document_type`."""
    if document_type not in DOCUMENT_TYPES:
        raise InvalidInput(
            "Unknown document type.",
            problems=[Problem("document_type", "known_type", document_type, f"one of: {', '.join(DOCUMENT_TYPES)}")],
        )
    problems = schema_problems(content, name=document_type)
    if problems:
        raise InvalidInput(f"The {document_type} does not follow exchange format {FORMAT_VERSION}.", problems=problems)


def validate_bundle(bundle: Mapping[str, Any], *, signed: bool = True) -> None:
    """InvalidInput unless `bundle` follows the bundle schema, documents included. An unsigned
    bundle (about to be signed) is checked with `signed=False`."""
    instance = dict(bundle) if signed else {**bundle, "signature": _PLACEHOLDER_SIGNATURE}
    version = str(instance.get("format_version", ""))
    if version.split(".")[0] not in SUPPORTED_MAJOR_VERSIONS:
        raise InvalidInput(
            "This bundle is in a format version this installation does not read.",
            problems=[Problem("format_version", "supported_version", version or None, f"this installation reads {FORMAT_VERSION}")],
            hint="Ask the sender to export in format version 1, or upgrade Interdict.",
        )
    problems = schema_problems(instance, name="bundle")
    if problems:
        raise InvalidInput(f"The bundle does not follow exchange format {FORMAT_VERSION}.", problems=problems,
                           hint="See docs/exchange.md for every field of the format.")


def document(document_type: str, content: BaseModel | Mapping[str, Any], *, document_id: str | None = None) -> dict[str, Any]:
    """One entry of a bundle's `documents`. A pydantic record (Firearm, TracingRequest, ...) is
    dumped as JSON with absent values omitted, as the format requires."""
    body = content.model_dump(mode="json", exclude_none=True) if isinstance(content, BaseModel) else dict(content)
    if document_id is None:
        document_id = next((str(body[k]) for k in ("report_id", "firearm_id", "request_id", "referral_id") if k in body), None)
        if document_type == "tracing_response" and "request_id" in body:
            document_id = f"{body['request_id']}/{body.get('responding_country', '')}"
    if not document_id:
        raise InvalidInput("A document needs an id.", problems=[Problem("document_id", "required", None, "give document_id=")])
    validate_document(body, document_type=document_type)
    return {"document_type": document_type, "document_id": document_id, "content": body}


def build_bundle(
    *,
    sender_agency: str,
    sender_jurisdiction: str,
    documents: Iterable[Mapping[str, Any]],
    handling_codes: Iterable[str],
    releasable_to: Mapping[str, list[str]] | None = None,
    onward_transfer: str | None = None,
    conditions: str | None = None,
    originator_agency: str | None = None,
    originator_jurisdiction: str | None = None,
    created_at: datetime | None = None,
    bundle_id: str | None = None,
) -> dict[str, Any]:
    """An unsigned bundle of `documents` (from `document(...)`), checked against the schema."""
    handling: dict[str, Any] = {
        "codes": list(handling_codes),
        "originator": {"agency": originator_agency or sender_agency, "jurisdiction": originator_jurisdiction or sender_jurisdiction},
    }
    if releasable_to:
        handling["releasable_to"] = {k: list(v) for k, v in releasable_to.items()}
    if onward_transfer:
        handling["onward_transfer"] = onward_transfer
    if conditions:
        handling["conditions"] = conditions
    bundle = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bundle_id": bundle_id or str(uuid.uuid4()),
        "created_at": (created_at or datetime.now(UTC)).isoformat(),
        "sender": {"agency": sender_agency, "jurisdiction": sender_jurisdiction},
        "handling": handling,
        "documents": [dict(d) for d in documents],
    }
    validate_bundle(bundle, signed=False)
    return bundle


def canonical_bytes(value: Any) -> bytes:
    """The bytes that are signed: JSON with keys sorted, no whitespace, UTF-8 (not \\u-escaped).

    Floats are refused: their text differs between languages, so two honest parties could disagree
    on the bytes. The format has integers only.
    """
    _refuse_floats(value, path="")
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def _refuse_floats(value: Any, *, path: str) -> None:
    if isinstance(value, float):
        raise InvalidInput(
            "The bundle holds a decimal number, which the format does not allow.",
            problems=[Problem(path or "(bundle)", "canonical_json", value, "numbers must be integers; send decimals as strings")],
        )
    if isinstance(value, Mapping):
        for key, item in value.items():
            _refuse_floats(item, path=f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_floats(item, path=f"{path}[{index}]")


def signed_content(bundle: Mapping[str, Any]) -> bytes:
    """What the signature covers: the canonical bytes of the bundle without its `signature`."""
    return canonical_bytes({k: v for k, v in bundle.items() if k != "signature"})


def parse_bundle(data: bytes | str) -> dict[str, Any]:
    """A bundle from its JSON text. Duplicate keys are refused: two parsers could keep different
    ones, and the receiver would act on something other than what was verified."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        duplicated = sorted({k for k in keys if keys.count(k) > 1})
        if duplicated:
            raise InvalidInput("The bundle repeats a key.", problems=[Problem(duplicated[0], "unique_keys", duplicated, "each key may appear once in an object")])
        return dict(pairs)

    try:
        parsed = json.loads(data, object_pairs_hook=no_duplicates)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidInput("The file is not a JSON bundle.", problems=[Problem("(file)", "json", None, str(error))]) from None
    if not isinstance(parsed, dict):
        raise InvalidInput("The file is not a JSON bundle.", problems=[Problem("(file)", "json_object", type(parsed).__name__, "a bundle is one JSON object")])
    return parsed

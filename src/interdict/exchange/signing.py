"""Ed25519 keys per agency, the trust store of senders a receiver accepts, and signing and verifying
bundles so that the receiver knows who sent one and that nothing in it changed.

Private keys live in a directory the caller names, written 0600 and never inside a git work tree;
the trust store is a directory of the public-key files that trusted agencies exported.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from interdict.errors import AccessDenied, Conflict, InvalidInput, NotFound, Problem
from interdict.exchange.bundles import parse_bundle, signed_content, validate_bundle

_AGENCY = re.compile(r"^[A-Z0-9][A-Z0-9._-]{1,63}$")
_JURISDICTION = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


@dataclass(frozen=True, slots=True)
class TrustedSender:
    """An agency whose bundles are accepted, with the public key they must be signed with."""

    agency: str
    jurisdiction: str
    key_id: str
    public_key: Ed25519PublicKey

    def as_export(self) -> dict[str, str]:
        raw = self.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return {
            "agency": self.agency,
            "jurisdiction": self.jurisdiction,
            "algorithm": "Ed25519",
            "key_id": self.key_id,
            "public_key": base64.b64encode(raw).decode("ascii"),
        }


@dataclass(frozen=True, slots=True)
class AgencyKeys:
    """An agency's signing key pair."""

    agency: str
    jurisdiction: str
    private_key: Ed25519PrivateKey

    @property
    def public(self) -> TrustedSender:
        public_key = self.private_key.public_key()
        return TrustedSender(self.agency, self.jurisdiction, key_id_of(public_key), public_key)


def key_id_of(public_key: Ed25519PublicKey) -> str:
    """'sha256:' and the hex SHA-256 of the raw public key: what a bundle names its key by."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _check_agency(agency: str, jurisdiction: str | None = None) -> None:
    problems = []
    if not _AGENCY.fullmatch(agency or ""):
        problems.append(Problem("agency", "agency_code", agency, "upper-case letters, digits, '.', '_', '-' (2 to 64), e.g. MK-CUSTOMS"))
    if jurisdiction is not None and not _JURISDICTION.fullmatch(jurisdiction or ""):
        problems.append(Problem("jurisdiction", "jurisdiction_code", jurisdiction, "ISO 3166-1 alpha-2, or a subdivision such as BA-SRP"))
    if problems:
        raise InvalidInput("The agency is not named as the format requires.", problems=problems)


def _refuse_inside_repository(directory: Path) -> None:
    for folder in [directory, *directory.parents]:
        if (folder / ".git").exists():
            raise InvalidInput(
                "Private keys must not be kept inside a source repository.",
                problems=[Problem("key_dir", "outside_repository", str(directory), f"{folder} is a git work tree")],
                hint="Choose a directory outside the repository, e.g. ~/.config/interdict/keys.",
            )


def _private_key_path(key_dir: Path, agency: str) -> Path:
    return key_dir / f"{agency}.key"


def public_key_path(key_dir: Path | str, agency: str) -> Path:
    return Path(key_dir) / f"{agency}.pub.json"


def create_agency_keys(*, agency: str, jurisdiction: str, key_dir: Path | str, passphrase: bytes | None = None) -> AgencyKeys:
    """A new Ed25519 key pair for `agency`: `<agency>.key` (PKCS#8 PEM, mode 0600, encrypted when a
    passphrase is given) and `<agency>.pub.json` (the export others put in their trust store).

    Refuses a directory inside a git work tree and never overwrites an existing key (Conflict).
    """
    _check_agency(agency, jurisdiction)
    directory = Path(key_dir).expanduser().resolve()
    _refuse_inside_repository(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    private_path = _private_key_path(directory, agency)
    if private_path.exists():
        raise Conflict(
            f"{agency} already has a key in {directory}.",
            problems=[Problem("agency", "one_key", agency, f"{private_path} exists")],
            hint="Rotate by creating the new key in another directory and re-distributing the export.",
        )
    keys = AgencyKeys(agency, jurisdiction, Ed25519PrivateKey.generate())
    encryption = serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    pem = keys.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    # Created with 0600 from the first byte: a chmod after writing would leave a window.
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    export = {**keys.public.as_export(), "created_at": datetime.now(UTC).isoformat()}
    public_key_path(directory, agency).write_text(json.dumps(export, indent=2) + "\n", encoding="utf-8")
    return keys


def load_agency_keys(*, agency: str, key_dir: Path | str, passphrase: bytes | None = None) -> AgencyKeys:
    """The key pair `create_agency_keys` wrote for `agency`."""
    _check_agency(agency)
    directory = Path(key_dir).expanduser()
    private_path = _private_key_path(directory, agency)
    if not private_path.exists():
        raise NotFound(f"No key for {agency} in {directory}.", problems=[Problem("agency", "key_exists", agency, f"{private_path} is missing")],
                       hint="Create one with `interdict keys create`.")
    exported = export_public_key(agency=agency, key_dir=directory)
    try:
        private_key = serialization.load_pem_private_key(private_path.read_bytes(), password=passphrase)
    except (TypeError, ValueError) as error:
        raise InvalidInput(f"The key of {agency} cannot be read.", problems=[Problem("passphrase", "key_readable", None, str(error))]) from None
    if not isinstance(private_key, Ed25519PrivateKey):
        raise InvalidInput("The key is not an Ed25519 key.", problems=[Problem("key", "ed25519", str(private_path), "create keys with `interdict keys create`")])
    return AgencyKeys(agency, exported["jurisdiction"], private_key)


def export_public_key(*, agency: str, key_dir: Path | str) -> dict[str, Any]:
    """The public-key export of `agency` (what a receiving agency adds to its trust store)."""
    path = public_key_path(key_dir, agency)
    if not path.exists():
        raise NotFound(f"No public key for {agency} in {key_dir}.", problems=[Problem("agency", "key_exists", agency, f"{path} is missing")])
    return _read_export(path.read_text(encoding="utf-8"), source=str(path)).as_export()


def _read_export(text: str, *, source: str) -> TrustedSender:
    try:
        data = json.loads(text)
        raw = base64.b64decode(data["public_key"], validate=True)
        public_key = Ed25519PublicKey.from_public_bytes(raw)
        agency, jurisdiction = data["agency"], data["jurisdiction"]
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInput("Not a public-key export.", problems=[Problem(source, "public_key_export", None, f"{type(error).__name__}: {error}")],
                           hint="Use the file written by `interdict keys export`.") from None
    _check_agency(agency, jurisdiction)
    key_id = key_id_of(public_key)
    if data.get("key_id", key_id) != key_id:
        raise InvalidInput("The export's key_id does not match its key.", problems=[Problem("key_id", "matches_key", data.get("key_id"), f"the key's id is {key_id}")])
    return TrustedSender(agency, jurisdiction, key_id, public_key)


class TrustStore:
    """The senders a receiver accepts bundles from: one `<agency>.pub.json` per agency in a directory."""

    def __init__(self, senders: Mapping[str, TrustedSender] | None = None, *, directory: Path | None = None):
        self.directory = directory
        self._senders = dict(senders or {})

    @classmethod
    def load(cls, directory: Path | str) -> TrustStore:
        folder = Path(directory).expanduser()
        senders = {}
        for path in sorted(folder.glob("*.pub.json")) if folder.exists() else []:
            sender = _read_export(path.read_text(encoding="utf-8"), source=str(path))
            senders[sender.agency] = sender
        return cls(senders, directory=folder)

    def get(self, agency: str) -> TrustedSender | None:
        return self._senders.get(agency)

    def __contains__(self, agency: object) -> bool:
        return agency in self._senders

    def __iter__(self):
        return iter(self._senders.values())


def trust_sender(*, trust_dir: Path | str, export_file: Path | str, replace: bool = False) -> TrustedSender:
    """Add the public-key export in `export_file` to the trust store in `trust_dir`.

    A different key for an agency already trusted is a Conflict unless `replace` (key rotation):
    silently swapping a trusted key is how an impostor would get in.
    """
    sender = _read_export(Path(export_file).read_text(encoding="utf-8"), source=str(export_file))
    folder = Path(trust_dir).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    existing = TrustStore.load(folder).get(sender.agency)
    if existing and existing.key_id != sender.key_id and not replace:
        raise Conflict(
            f"{sender.agency} is already trusted with another key.",
            problems=[Problem("key_id", "same_key", sender.key_id, f"trusted key is {existing.key_id}")],
            hint="Confirm the new key with the agency by another channel, then trust it with --replace.",
        )
    public_key_path(folder, sender.agency).write_text(json.dumps(sender.as_export(), indent=2) + "\n", encoding="utf-8")
    return sender


def sign_bundle(bundle: Mapping[str, Any], *, keys: AgencyKeys) -> dict[str, Any]:
    """`bundle` with the agency's Ed25519 signature over its canonical serialisation.

    The bundle must name the signing agency and its jurisdiction as sender, and follow the schema:
    an agency does not sign what a receiver would refuse.
    """
    sender = bundle.get("sender") or {}
    if sender.get("agency") != keys.agency or sender.get("jurisdiction") != keys.jurisdiction:
        raise InvalidInput(
            "A bundle is signed by the agency that sends it.",
            problems=[Problem("sender", "signer_is_sender", sender, f"these keys belong to {keys.agency} ({keys.jurisdiction})")],
        )
    unsigned = {k: v for k, v in bundle.items() if k != "signature"}
    validate_bundle(unsigned, signed=False)
    signature = keys.private_key.sign(signed_content(unsigned))
    return {
        **unsigned,
        "signature": {"algorithm": "Ed25519", "key_id": keys.public.key_id, "value": base64.b64encode(signature).decode("ascii")},
    }


@dataclass(frozen=True, slots=True)
class VerifiedBundle:
    bundle: dict[str, Any]
    sender: TrustedSender


def verify_bundle(bundle: Mapping[str, Any] | bytes | str, *, trust_store: TrustStore) -> VerifiedBundle:
    """Accept a received bundle only if a trusted sender signed exactly these bytes and it follows
    the schema; otherwise raise, saying why:

    - AccessDenied `trusted_sender`: the sender is not in the trust store;
    - AccessDenied `sender_key` / `sender_jurisdiction`: signed with another key than the trusted
      one, or claims another jurisdiction than the trusted agency's;
    - InvalidInput `signature`: the content changed after signing (or the signature is damaged);
    - InvalidInput `schema:...` / `supported_version`: the bundle does not follow the format.
    """
    data = parse_bundle(bundle) if isinstance(bundle, (bytes, str)) else dict(bundle)
    sender_field = data.get("sender") if isinstance(data.get("sender"), dict) else {}
    signature = data.get("signature") if isinstance(data.get("signature"), dict) else {}
    agency = sender_field.get("agency")
    if not signature or not isinstance(signature.get("value"), str):
        raise InvalidInput("The bundle is not signed.", problems=[Problem("signature", "required", None, "every bundle carries its sender's signature")])
    if signature.get("algorithm") != "Ed25519":
        raise InvalidInput("Unknown signature algorithm.", problems=[Problem("signature.algorithm", "ed25519", signature.get("algorithm"), "bundles are signed with Ed25519")])

    trusted = trust_store.get(agency) if isinstance(agency, str) else None
    if trusted is None:
        raise AccessDenied(
            f"The sender {agency!r} is not a trusted sender.",
            problems=[Problem("sender.agency", "trusted_sender", agency, "no public key for this agency in the trust store")],
            hint="If the agency is a partner, obtain its public-key export by a trusted channel and run `interdict keys trust`.",
        )
    if signature.get("key_id") != trusted.key_id:
        raise AccessDenied(
            f"The bundle was not signed with {agency}'s trusted key.",
            problems=[Problem("signature.key_id", "sender_key", signature.get("key_id"), f"trusted key of {agency} is {trusted.key_id}")],
        )
    if sender_field.get("jurisdiction") != trusted.jurisdiction:
        raise AccessDenied(
            f"{agency} is trusted for {trusted.jurisdiction}, not for the jurisdiction the bundle claims.",
            problems=[Problem("sender.jurisdiction", "sender_jurisdiction", sender_field.get("jurisdiction"), f"trusted as {trusted.jurisdiction}")],
        )
    try:
        raw_signature = base64.b64decode(signature["value"], validate=True)
        trusted.public_key.verify(raw_signature, signed_content(data))
    except (InvalidSignature, ValueError):
        raise InvalidInput(
            "The signature does not match the bundle: it was changed after it was signed, or damaged on the way.",
            problems=[Problem("signature", "signature", signature.get("value"), f"not a valid signature of {agency} over this content")],
            hint="Do not use this bundle; ask the sender to send it again.",
        ) from None
    validate_bundle(data)
    return VerifiedBundle(data, trusted)

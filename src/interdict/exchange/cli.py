"""Command line for agency keys and exchange bundles on files: `interdict keys create|export|trust`
and `interdict exchange sign|verify|export|import`. The main CLI mounts `keys_app` and `exchange_app`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from interdict.errors import InterdictError
from interdict.exchange.handling import enforce_handling
from interdict.exchange.signing import (
    TrustStore,
    create_agency_keys,
    export_public_key,
    load_agency_keys,
    sign_bundle,
    trust_sender,
    verify_bundle,
)
from interdict.exchange.bundles import parse_bundle

keys_app = typer.Typer(help="Agency signing keys and the trust store of senders you accept.", no_args_is_help=True)
exchange_app = typer.Typer(help="Sign, verify, export and import exchange bundles (docs/exchange.md).", no_args_is_help=True)
_out = Console(soft_wrap=True)
_err = Console(stderr=True, soft_wrap=True)

KeyDir = Annotated[Path, typer.Option("--key-dir", envvar="INTERDICT_KEY_DIR", help="Where private keys are kept (never in a repository).")]
TrustDir = Annotated[Path, typer.Option("--trust-dir", envvar="INTERDICT_TRUST_DIR", help="Directory of trusted senders' public keys.")]
Agency = Annotated[str, typer.Option("--agency", help="Agency code, e.g. MK-CUSTOMS-ACCU.")]
DEFAULT_KEY_DIR = Path("~/.config/interdict/keys")
DEFAULT_TRUST_DIR = Path("~/.config/interdict/trust")


def _fail(error: InterdictError) -> typer.Exit:
    _err.print(f"[bold red]{type(error).__name__}[/]: ", end="")
    # The message holds '[rule ...]' which rich would take for markup.
    _err.print(str(error), markup=False, highlight=False)
    return typer.Exit(code=1)


@keys_app.command("create")
def keys_create(
    agency: Agency,
    jurisdiction: Annotated[str, typer.Option("--jurisdiction", help="ISO 3166 code, e.g. MK or BA-SRP.")],
    key_dir: KeyDir = DEFAULT_KEY_DIR,
) -> None:
    """Create the agency's Ed25519 signing key (private key written 0600)."""
    try:
        keys = create_agency_keys(agency=agency, jurisdiction=jurisdiction, key_dir=key_dir)
    except InterdictError as error:
        raise _fail(error) from None
    _out.print(f"Created key {keys.public.key_id} for {agency} ({jurisdiction}) in {key_dir.expanduser()}")


@keys_app.command("export")
def keys_export(
    agency: Agency,
    key_dir: KeyDir = DEFAULT_KEY_DIR,
    out: Annotated[Path | None, typer.Option("--out", help="Write the export here instead of to standard output.")] = None,
) -> None:
    """Print (or write) the agency's public-key export for partners' trust stores."""
    try:
        text = json.dumps(export_public_key(agency=agency, key_dir=key_dir.expanduser()), indent=2) + "\n"
    except InterdictError as error:
        raise _fail(error) from None
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        _out.print(f"Wrote {out}")


@keys_app.command("trust")
def keys_trust(
    export_file: Annotated[Path, typer.Argument(help="A public-key export received from a partner agency.", exists=True, dir_okay=False)],
    trust_dir: TrustDir = DEFAULT_TRUST_DIR,
    replace: Annotated[bool, typer.Option("--replace", help="Replace the key of an agency already trusted (rotation).")] = False,
) -> None:
    """Accept bundles signed with the key in EXPORT_FILE."""
    try:
        sender = trust_sender(trust_dir=trust_dir, export_file=export_file, replace=replace)
    except InterdictError as error:
        raise _fail(error) from None
    _out.print(f"Trusting {sender.agency} ({sender.jurisdiction}) with key {sender.key_id}")


@exchange_app.command("sign")
def exchange_sign(
    file: Annotated[Path, typer.Argument(help="An unsigned bundle (JSON).", exists=True, dir_okay=False)],
    agency: Agency,
    key_dir: KeyDir = DEFAULT_KEY_DIR,
    out: Annotated[Path | None, typer.Option("--out", help="Signed bundle; default FILE with .signed.json.")] = None,
) -> None:
    """Sign a bundle as AGENCY."""
    try:
        signed = sign_bundle(parse_bundle(file.read_bytes()), keys=load_agency_keys(agency=agency, key_dir=key_dir))
    except InterdictError as error:
        raise _fail(error) from None
    target = out or file.with_name(file.name.removesuffix(".json") + ".signed.json")
    target.write_text(json.dumps(signed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _out.print(f"Signed {len(signed['documents'])} document(s) as {agency}: {target}")


@exchange_app.command("verify")
def exchange_verify(
    file: Annotated[Path, typer.Argument(help="A received bundle (JSON).", exists=True, dir_okay=False)],
    trust_dir: TrustDir = DEFAULT_TRUST_DIR,
    receiving_agency: Annotated[str | None, typer.Option("--agency", help="Also check that this agency may hold it.")] = None,
    receiving_jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="The receiving agency's jurisdiction.")] = None,
) -> None:
    """Check who signed FILE, that nothing changed, that it follows the format and, with --agency
    and --jurisdiction, that the receiver may hold it. Exits 1 with the reason otherwise."""
    try:
        verified = verify_bundle(file.read_bytes(), trust_store=TrustStore.load(trust_dir))
        decision = None
        if receiving_agency and receiving_jurisdiction:
            decision = enforce_handling(verified.bundle, receiving_agency=receiving_agency, receiving_jurisdiction=receiving_jurisdiction)
    except InterdictError as error:
        raise _fail(error) from None
    bundle = verified.bundle
    _out.print(f"[green]Valid[/]: signed by {verified.sender.agency} ({verified.sender.jurisdiction}), key {verified.sender.key_id}")
    _out.print(f"Bundle {bundle['bundle_id']} created {bundle['created_at']}, handling {', '.join(bundle['handling']['codes'])}")
    for entry in bundle["documents"]:
        _out.print(f"  {entry['document_type']}: {entry['document_id']}", highlight=False)
    if decision is not None:
        _out.print(f"{receiving_agency} may hold it; onward transfer: {decision.onward_transfer}")
        for restriction in decision.restrictions:
            _out.print(f"  {restriction}", highlight=False)


SendingAgency = Annotated[str, typer.Option("--agency", envvar="INTERDICT_AGENCY", help="Your agency code (the sender or receiver).")]


@exchange_app.command("export")
def exchange_export(
    seizure: Annotated[str, typer.Option("--seizure", help="Report id of the seizure to send.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the signed bundle.")],
    agency: SendingAgency,
    key_dir: KeyDir = DEFAULT_KEY_DIR,
    to_agency: Annotated[str | None, typer.Option("--to-agency", help="Make it releasable to this agency only.")] = None,
    to_jurisdiction: Annotated[str | None, typer.Option("--to-jurisdiction", help="Make it releasable to this jurisdiction only.")] = None,
    handling: Annotated[list[str] | None, typer.Option("--handling", help="Handling code (repeat for more); default TLP:AMBER.")] = None,
) -> None:
    """Export a stored seizure (its firearms and tracing requests) as a bundle signed by AGENCY."""
    from interdict.exchange.transfer import DEFAULT_HANDLING, export_seizure
    from interdict.store.schema import ready_engine

    try:
        bundle = export_seizure(engine=ready_engine(), report_id=seizure, keys=load_agency_keys(agency=agency, key_dir=key_dir),
                                to_agency=to_agency, to_jurisdiction=to_jurisdiction, handling_codes=handling or DEFAULT_HANDLING)
    except InterdictError as error:
        raise _fail(error) from None
    out.write_text(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _out.print(f"Exported seizure {seizure} as bundle {bundle['bundle_id']} ({len(bundle['documents'])} document(s)), signed by {agency}: {out}",
               highlight=False)


@exchange_app.command("import")
def exchange_import(
    file: Annotated[Path, typer.Argument(help="A received bundle (JSON).", exists=True, dir_okay=False)],
    agency: SendingAgency,
    jurisdiction: Annotated[str, typer.Option("--jurisdiction", envvar="INTERDICT_JURISDICTION", help="Your agency's jurisdiction.")],
    trust_dir: TrustDir = DEFAULT_TRUST_DIR,
) -> None:
    """Verify a received bundle and store its documents; exits 1 saying why when it is refused."""
    from interdict.exchange.transfer import import_bundle
    from interdict.store.schema import ready_engine

    try:
        result = import_bundle(engine=ready_engine(), data=file.read_bytes(), trust_store=TrustStore.load(trust_dir),
                               receiving_agency=agency, receiving_jurisdiction=jurisdiction)
    except InterdictError as error:
        raise _fail(error) from None
    _out.print(f"[green]Imported[/] bundle {result.bundle_id} from {result.sender_agency}; onward transfer: {result.decision.onward_transfer}")
    for entry in result.filed:
        _out.print(f"  {entry['document_type']} {entry['document_id']}: {entry['filed_as']}", highlight=False)
    for restriction in result.decision.restrictions:
        _out.print(f"  {restriction}", highlight=False)

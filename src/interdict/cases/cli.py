"""`interdict cases`: refer a stored seizure to the police or the prosecutor, list referrals (ours
and received), and move one along its status."""

from __future__ import annotations

import getpass
from typing import Annotated

import typer
from rich.table import Table

from interdict.cases.referrals import ReferralStatus, change_referral_status, list_referrals, refer_case
from interdict.console import console
from interdict.store.schema import ready_engine

cases_app = typer.Typer(help="Case referrals of seizures to police and prosecution, with status.", no_args_is_help=True)
By = Annotated[str, typer.Option("--by", envvar="INTERDICT_USER", default_factory=getpass.getuser, help="who does it (kept on the timeline)")]


@cases_app.command()
def refer(
    seizure_id: Annotated[int, typer.Argument(help="the stored seizure (see `interdict firearms list`)")],
    referral_id: Annotated[str, typer.Option("--id", help="the referral's id within your agency")],
    to_agency: Annotated[str, typer.Option("--to-agency", help="agency code of the police or prosecutor's office")],
    to_role: Annotated[str, typer.Option("--to-role", help="police, prosecutor, court, customs or other")],
    summary: Annotated[str, typer.Option("--summary", help="the facts in a few sentences")],
    by: By,
    offence: Annotated[list[str] | None, typer.Option("--offence", help="suspected offence (repeat)")] = None,
    action: Annotated[str | None, typer.Option("--action", help="what the receiver is asked to do")] = None,
) -> None:
    """Refer a seizure, with its firearms and tracing requests, to another institution."""
    stored = refer_case(engine=ready_engine(), seizure_id=seizure_id, referral_id=referral_id, to_agency=to_agency, to_role=to_role,
                        summary=summary, by=by, suspected_offences=[{"description": o} for o in offence or []], requested_action=action)
    console.print(f"case referral {referral_id} stored as {stored}: seizure {seizure_id} referred to {to_agency} ({to_role})", highlight=False)


@cases_app.command("list")
def list_(status: Annotated[ReferralStatus | None, typer.Option("--status")] = None) -> None:
    """Referrals, newest first: what was referred, to whom, and where it stands."""
    table = Table("referral", "from", "to", "case", "seizures", "firearms", "referred", "status", "received from")
    for stored in list_referrals(engine=ready_engine(), status=status):
        r = stored.referral
        table.add_row(r.referral_id, r.from_agency, f"{r.to_agency} ({r.to_role or '?'})", r.case_reference, ", ".join(r.seizure_report_ids),
                      ", ".join(r.firearm_ids), f"{r.referred_at:%Y-%m-%d}", str(stored.status), stored.origin_agency or "")
    console.print(table)


@cases_app.command()
def status(
    referral_id: str,
    to: Annotated[ReferralStatus, typer.Argument(help="accepted, declined or closed")],
    by: By,
    note: Annotated[str | None, typer.Option("--note")] = None,
    from_agency: Annotated[str | None, typer.Option("--from-agency", help="the referring agency, when ids repeat")] = None,
) -> None:
    """Move a referral along: referred -> accepted or declined -> closed."""
    stored = change_referral_status(engine=ready_engine(), referral_id=referral_id, to=to, by=by, note=note, from_agency=from_agency)
    console.print(f"case referral {referral_id} is {stored.status}")

"""Need to know: the handling codes a bundle carries, checked when it is received (may this agency
hold it?) and before it is passed on (may it go further, and to whom?). The codes are data:
`handling_codes.yaml` beside this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from interdict.errors import AccessDenied, InvalidInput, Problem

# From strictest to loosest; the strictest rule among the codes and the explicit field applies.
ONWARD_TRANSFER_ORDER = ("forbidden", "within_agency", "within_jurisdiction", "allowed")


@cache
def handling_codes() -> dict[str, dict[str, Any]]:
    """The known handling codes and what each means and allows."""
    data = yaml.safe_load(Path(__file__).with_name("handling_codes.yaml").read_text(encoding="utf-8"))
    return {str(code): dict(entry) for code, entry in data["codes"].items()}


@dataclass(frozen=True, slots=True)
class HandlingDecision:
    """What the receiver may do with a bundle it may hold."""

    onward_transfer: str
    visible_to_roles: tuple[str, ...]  # empty: every user of the receiving agency
    restrictions: tuple[str, ...]  # the codes' meanings and the conditions, to show with the documents


def onward_transfer_rule(handling: Mapping[str, Any]) -> str:
    """The strictest onward-transfer rule of the codes and the explicit `onward_transfer` field."""
    known = handling_codes()
    unknown = [c for c in handling.get("codes", []) if c not in known]
    if unknown:
        raise InvalidInput(
            "The bundle carries a handling code this installation does not know, so it cannot honour it.",
            problems=[Problem("handling.codes", "known_code", code, f"known codes: {', '.join(known)}") for code in unknown],
            hint="Add the code to handling_codes.yaml if it was agreed with the sender.",
        )
    rules = [known[c]["onward_transfer"] for c in handling.get("codes", []) if "onward_transfer" in known[c]]
    if handling.get("onward_transfer"):
        rules.append(handling["onward_transfer"])
    return min(rules or ["allowed"], key=ONWARD_TRANSFER_ORDER.index)


def check_onward_transfer(
    bundle: Mapping[str, Any], *, holding_agency: str, holding_jurisdiction: str, to_agency: str, to_jurisdiction: str
) -> None:
    """AccessDenied unless the agency holding `bundle` may pass it on to `to_agency`."""
    handling = bundle["handling"]
    rule = onward_transfer_rule(handling)
    originator = handling["originator"]
    if to_agency == originator["agency"] or to_agency == holding_agency:
        return  # giving it back to its source, or within the holder itself, is not passing it on
    allowed = {
        "forbidden": False,
        "within_agency": False,
        "within_jurisdiction": to_jurisdiction == holding_jurisdiction,
        "allowed": True,
    }[rule]
    if not allowed:
        raise AccessDenied(
            f"{holding_agency} may not pass this bundle on to {to_agency}.",
            problems=[Problem("handling.onward_transfer", "onward_transfer", rule,
                              f"the originator {originator['agency']} allows onward transfer: {rule.replace('_', ' ')}")],
            hint=f"Ask {originator['agency']} to send it to {to_agency} directly, or for its consent.",
        )
    _check_releasable(handling, agency=to_agency, jurisdiction=to_jurisdiction)


def _check_releasable(handling: Mapping[str, Any], *, agency: str, jurisdiction: str) -> None:
    releasable = handling.get("releasable_to") or {}
    problems = []
    if releasable.get("agencies") and agency not in releasable["agencies"]:
        problems.append(Problem("handling.releasable_to.agencies", "releasable_to", agency, f"releasable to {', '.join(releasable['agencies'])} only"))
    if releasable.get("jurisdictions") and jurisdiction not in releasable["jurisdictions"]:
        problems.append(Problem("handling.releasable_to.jurisdictions", "releasable_to", jurisdiction,
                                f"releasable to {', '.join(releasable['jurisdictions'])} only"))
    if problems:
        raise AccessDenied(f"{agency} ({jurisdiction}) may not hold this bundle.", problems=problems,
                           hint="Do not store it; tell the sender it reached the wrong recipient.")


def enforce_handling(
    bundle: Mapping[str, Any], *, receiving_agency: str, receiving_jurisdiction: str, receiving_role: str | None = None
) -> HandlingDecision:
    """Refuse (AccessDenied) a bundle the receiver may not hold: not releasable to its agency or
    jurisdiction, passed on by a sender that was not allowed to pass it on, or, when
    `receiving_role` is given, not for users in that role. Otherwise say what the receiver may do."""
    handling = bundle["handling"]
    sender = bundle["sender"]
    rule = onward_transfer_rule(handling)
    if sender["agency"] != handling["originator"]["agency"]:
        # The sender is not the originator: this bundle was passed on, and the originator's rule
        # decides whether the sender was allowed to.
        check_onward_transfer(bundle, holding_agency=sender["agency"], holding_jurisdiction=sender["jurisdiction"],
                              to_agency=receiving_agency, to_jurisdiction=receiving_jurisdiction)
    _check_releasable(handling, agency=receiving_agency, jurisdiction=receiving_jurisdiction)
    roles = tuple((handling.get("releasable_to") or {}).get("roles") or ())
    if receiving_role is not None and roles and receiving_role not in roles:
        raise AccessDenied(
            f"Users in role {receiving_role!r} may not see this bundle.",
            problems=[Problem("handling.releasable_to.roles", "releasable_to", receiving_role, f"for roles {', '.join(roles)} only")],
        )
    known = handling_codes()
    restrictions = tuple(f"{code}: {known[code]['meaning']}" for code in handling["codes"])
    if handling.get("conditions"):
        restrictions += (handling["conditions"],)
    return HandlingDecision(onward_transfer=rule, visible_to_roles=roles, restrictions=restrictions)

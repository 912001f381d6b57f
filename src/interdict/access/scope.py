"""Who may do what, and which rows they may see: the one place every page, API route and service
asks. Roles grant permissions (`PERMISSIONS`); the row filters (`shipments_in_scope`, …) narrow
every query to the viewer's jurisdiction, unit or reporter codes. See docs/web.md for the rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, case, exists, false, func, select, tuple_

from interdict.errors import AccessDenied, Problem
from interdict.ingest.models import Shipment

# permission -> roles holding it. Admins run the system; they do not read shipment data.
PERMISSIONS: dict[str, frozenset[str]] = {
    name: frozenset(roles)
    for name, roles in {
        "shipments.view": ("analyst", "officer", "investigator", "partner"),
        "hits.view": ("analyst", "officer"),
        "hits.work": ("officer",),
        "seizures.view": ("analyst", "officer", "investigator", "prosecutor"),
        "outcomes.view": ("analyst", "officer", "investigator"),
        "scores.view": ("analyst", "officer"),
        "firearms.view": ("officer", "investigator", "prosecutor"),
        "firearms.identify": ("officer", "investigator"),
        "tracing.work": ("investigator",),
        "partner.portal": ("partner",),
        "profiles.view": ("analyst",),
        "watchlists.view": ("analyst",),
        "overview.view": ("coordinator",),
        "users.manage": ("admin",),
        "keys.manage": ("admin",),
        "audit.view": ("admin",),
    }.items()
}


@dataclass(frozen=True, slots=True)
class Viewer:
    """Whoever is asking: a signed-in user or a partner's API key, with what bounds their view."""

    name: str  # username, or "apikey:<prefix>"
    role: str
    jurisdiction: str | None = None  # ISO alpha-2 of the viewer's agency
    unit: str | None = None  # e.g. "postal:MK"; an officer with a unit sees that unit's hits only
    reporters: frozenset[str] = field(default_factory=frozenset)  # partners: their reporter codes
    user_id: int | None = None
    agency: str | None = None

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


SYSTEM = Viewer(name="system", role="admin")


def require(viewer: Viewer, permission: str) -> None:
    if not viewer.can(permission):
        raise AccessDenied(
            f"your role ({viewer.role}) may not do this",
            problems=[Problem("role", permission, viewer.role, f"needs one of: {', '.join(sorted(PERMISSIONS[permission]))}")],
        )


def shipment_jurisdiction() -> ColumnElement[str]:
    """The administration that works a shipment: where imports and transits arrive, where exports
    leave (the same rule as targeting's `shipment_unit`)."""
    return case(
        (Shipment.direction == "export", func.coalesce(Shipment.departure_country, Shipment.origin_country)),
        else_=Shipment.destination_country,
    )


def shipments_in_scope(viewer: Viewer) -> ColumnElement[bool]:
    """The WHERE clause on `shipments` for this viewer; nothing at all for roles without the right."""
    if not viewer.can("shipments.view") and not viewer.can("seizures.view") and not viewer.can("hits.view"):
        return false()
    if viewer.role == "partner":
        return Shipment.reporter.in_(sorted(viewer.reporters)) if viewer.reporters else false()
    if not viewer.jurisdiction:
        return false()
    return shipment_jurisdiction() == viewer.jurisdiction


def hits_in_scope(viewer: Viewer) -> ColumnElement[bool]:
    """On `hits`: the shipment is in scope; an officer with a unit sees that unit's only; a partner
    sees red-lane hits only (they are hold requests to it, without score or reasons)."""
    from interdict.inspections.hits import Hit

    if not (viewer.can("hits.view") or viewer.can("partner.portal")):
        return false()
    # A correlated EXISTS looks up each candidate hit's shipment by key; `IN (SELECT id …)` made
    # SQLite scan every shipment on every hit-list request.
    clause = exists(select(Shipment.id).where(Shipment.id == Hit.shipment_pk, shipments_in_scope(viewer)).correlate_except(Shipment))
    if viewer.role == "officer" and viewer.unit:
        clause = and_(clause, Hit.unit == viewer.unit)
    if viewer.role == "partner":
        clause = and_(clause, Hit.lane == "red")
    return clause


def outcomes_in_scope(viewer: Viewer) -> ColumnElement[bool]:
    """On `inspection_outcomes`: outcomes of shipments in scope."""
    from interdict.inspections.models import InspectionOutcome

    if not (viewer.can("outcomes.view") or viewer.can("seizures.view")):
        return false()
    visible = select(Shipment.reporter, Shipment.shipment_id).where(shipments_in_scope(viewer))
    return tuple_(InspectionOutcome.reporter, InspectionOutcome.shipment_id).in_(visible)



def firearm_seizures_in_scope(viewer: Viewer) -> ColumnElement[bool]:
    """On `seizures` (the firearms store): reports held by the viewer's jurisdiction (ours, or
    received by it from abroad); nothing for roles without the right."""
    from interdict.firearms.tables import SeizureRow

    if not viewer.can("firearms.view") or not viewer.jurisdiction:
        return false()
    held = SeizureRow.held_by_jurisdiction
    return (held == viewer.jurisdiction) | held.startswith(viewer.jurisdiction + "-")

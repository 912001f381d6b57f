"""Tables of the front door: ingest batches, every version of every shipment, the current
shipment with its items flattened for targeting, and the quarantine that loses nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from interdict.store.bulk import DEFERRABLE_INDEXES
from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc


class IngestBatch(Base):
    """One file or one API request taken in, with its accounting."""

    __tablename__ = "ingest_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(500))
    format: Mapped[str | None] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    submitted_by: Mapped[str | None] = mapped_column(String(100))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    read: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    amended: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    stale: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)


class ShipmentVersion(Base):
    """Every version of a shipment ever received, as validated; the latest applied one wins."""

    __tablename__ = "shipment_versions"
    __table_args__ = (Index("ix_shipment_versions_key", "reporter", "shipment_id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    reporter: Mapped[str] = mapped_column(String(64))
    shipment_id: Mapped[str] = mapped_column(String(64))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    record_hash: Mapped[str] = mapped_column(String(32))
    record: Mapped[str] = mapped_column(Text)  # canonical JSON of the record, extras included
    state: Mapped[str] = mapped_column(String(12))  # applied | superseded | stale
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batches.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)


class Shipment(Base):
    """The current version of a shipment, flattened in the column contract targeting reads."""

    __tablename__ = "shipments"
    __table_args__ = (
        UniqueConstraint("reporter", "shipment_id"),
        Index("ix_shipments_reported_at", "reported_at"),
        Index("ix_shipments_consignee_phone_norm", "consignee_phone_norm"),
        # The keys cross-shipment indicators count by: real-time scoring looks up a shipment's
        # related traffic through them. Hash indexes on PostgreSQL (equality only, and no limit on
        # the length of a name); ordinary ones on SQLite.
        *(Index(f"ix_shipments_{name}", name, postgresql_using="hash") for name in (
            "consignee_name_norm", "consignee_address_norm", "consignee_email_norm", "shipper_name_norm", "shipper_phone_norm")),
        # A large load builds the secondary indexes once at its end (store.bulk.indexes_deferred);
        # the unique key stays, since it is what judges amendments and duplicates during the load.
        {"info": {DEFERRABLE_INDEXES: True}},
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    version_id: Mapped[int] = mapped_column(BigInteger)
    version_count: Mapped[int] = mapped_column(Integer, default=1)
    record_hash: Mapped[str] = mapped_column(String(32))  # of the current version: spots re-sends
    batch_id: Mapped[int] = mapped_column(Integer)
    reporter: Mapped[str] = mapped_column(String(64))
    shipment_id: Mapped[str] = mapped_column(String(64))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    mode: Mapped[str] = mapped_column(String(12))
    direction: Mapped[str] = mapped_column(String(12))
    category: Mapped[str | None] = mapped_column(String(20))
    origin_country: Mapped[str] = mapped_column(String(2))
    departure_country: Mapped[str | None] = mapped_column(String(2))
    transit_countries: Mapped[str] = mapped_column(String(200), default="")
    destination_country: Mapped[str] = mapped_column(String(2))
    departure_date: Mapped[date | None] = mapped_column(Date)
    arrival_date: Mapped[date | None] = mapped_column(Date)
    carrier: Mapped[str | None] = mapped_column(Text)
    conveyance_ref: Mapped[str | None] = mapped_column(Text)
    master_ref: Mapped[str | None] = mapped_column(Text)
    shipper_name: Mapped[str] = mapped_column(Text)
    shipper_street: Mapped[str | None] = mapped_column(Text)
    shipper_city: Mapped[str | None] = mapped_column(Text)
    shipper_postcode: Mapped[str | None] = mapped_column(Text)
    shipper_country: Mapped[str] = mapped_column(String(2))
    shipper_phone: Mapped[str | None] = mapped_column(Text)
    shipper_email: Mapped[str | None] = mapped_column(Text)
    consignee_name: Mapped[str] = mapped_column(Text)
    consignee_street: Mapped[str | None] = mapped_column(Text)
    consignee_city: Mapped[str | None] = mapped_column(Text)
    consignee_postcode: Mapped[str | None] = mapped_column(Text)
    consignee_country: Mapped[str] = mapped_column(String(2))
    consignee_phone: Mapped[str | None] = mapped_column(Text)
    consignee_email: Mapped[str | None] = mapped_column(Text)
    consignee_id_number: Mapped[str | None] = mapped_column(Text)
    shipper_name_norm: Mapped[str] = mapped_column(Text)
    consignee_name_norm: Mapped[str] = mapped_column(Text)
    shipper_address_norm: Mapped[str] = mapped_column(Text)
    consignee_address_norm: Mapped[str] = mapped_column(Text)
    shipper_phone_norm: Mapped[str | None] = mapped_column(String(32))
    consignee_phone_norm: Mapped[str | None] = mapped_column(String(32))
    shipper_email_norm: Mapped[str | None] = mapped_column(Text)
    consignee_email_norm: Mapped[str | None] = mapped_column(Text)
    pieces: Mapped[int | None] = mapped_column(Integer)
    gross_weight_g: Mapped[int] = mapped_column(BigInteger)
    declared_value_minor: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    declared_value_eur_cents: Mapped[int | None] = mapped_column(BigInteger)
    payment_method: Mapped[str | None] = mapped_column(String(20))
    item_count: Mapped[int] = mapped_column(Integer)
    items_net_weight_g: Mapped[int | None] = mapped_column(BigInteger)
    descriptions: Mapped[str] = mapped_column(Text)
    descriptions_norm: Mapped[str] = mapped_column(Text)
    hs_codes: Mapped[str] = mapped_column(Text)
    id_kind: Mapped[str] = mapped_column(String(8))
    id_check_valid: Mapped[bool | None] = mapped_column(Boolean)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)


class ShipmentItem(Base):
    __tablename__ = "shipment_items"
    __table_args__ = (Index("ix_shipment_items_shipment_pk", "shipment_pk"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    shipment_pk: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    description_norm: Mapped[str] = mapped_column(Text)
    hs_code: Mapped[str | None] = mapped_column(String(10))
    quantity: Mapped[int | None] = mapped_column(BigInteger)
    net_weight_g: Mapped[int | None] = mapped_column(BigInteger)
    value_minor: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    origin_country: Mapped[str | None] = mapped_column(String(2))
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)


class QuarantinedRecord(Base):
    """A record that broke a rule: kept byte for byte with its reasons until corrected."""

    __tablename__ = "quarantined_records"
    __table_args__ = (Index("ix_quarantined_records_status", "status", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batches.id"))
    kind: Mapped[str] = mapped_column(String(16))
    reporter: Mapped[str | None] = mapped_column(String(64))
    record_key: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200))  # e.g. "line 17", "rows 4, 9"
    raw: Mapped[bytes] = mapped_column(LargeBinary)  # exactly as received, NUL and bad bytes too
    record: Mapped[Any | None] = mapped_column(JSONValue)  # parsed form when it could be parsed
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | resubmitted
    resolved_batch_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)

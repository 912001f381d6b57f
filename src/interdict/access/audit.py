"""The audit trail: every login, create, update, export and view of a shipment's detail, with who,
when and what, in a hash chain keyed with a secret kept outside the database, so that an entry
edited, inserted or deleted behind the application's back is found by `verify_audit`.

Each entry's `hash` is HMAC-SHA256(key, previous hash + the entry's canonical content); the
`audit_head` row holds the last sequence number and hash, so a deleted tail is found as well.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Engine, Integer, String, Text, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from interdict.access.scope import Viewer
from interdict.access.secrets import secret
from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc

GENESIS = "0" * 64
ACTIONS = ("login", "login_failed", "logout", "create", "update", "export", "view", "disable", "revoke")


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    role: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(String(200))  # e.g. "shipment:MKPOST/RR123456785MK"
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    ip: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the chain's last sequence number and hash. Updating it serialises writers."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(Text)


_ENTRIES = AuditEntry.__table__
_HEAD = AuditHead.__table__


def _content(*, seq: int, at: datetime, actor: str, role: str | None, action: str, subject: str | None,
             detail: Any, ip: str | None) -> bytes:  # fmt: skip
    stamp = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return orjson.dumps([seq, stamp, actor, role, action, subject, detail, ip], option=orjson.OPT_SORT_KEYS)


def _chain(key: bytes, prev_hash: str, content: bytes) -> str:
    return hmac.new(key, prev_hash.encode() + content, hashlib.sha256).hexdigest()


def record(*, engine: Engine, viewer: Viewer | None, action: str, subject: str | None = None,
           detail: dict[str, Any] | None = None, ip: str | None = None, actor: str | None = None) -> int:  # fmt: skip
    """Append one entry; returns its sequence number."""
    key = secret("audit_key")
    for _attempt in range(5):
        try:
            with engine.begin() as conn:
                # Taking the head row first is the lock: one writer at a time extends the chain.
                head = conn.execute(
                    update(_HEAD).where(_HEAD.c.id == 1).values(seq=_HEAD.c.seq + 1).returning(_HEAD.c.seq, _HEAD.c.hash)
                ).first()
                if head is None:
                    conn.execute(insert(_HEAD).values(id=1, seq=1, hash=GENESIS))
                    seq, prev = 1, GENESIS
                else:
                    seq, prev = head.seq, head.hash
                at = now_utc()
                fields = {"seq": seq, "at": at, "actor": actor or (viewer.name if viewer else "anonymous"),
                          "role": viewer.role if viewer else None, "action": action, "subject": subject,
                          "detail": detail, "ip": ip}  # fmt: skip
                digest = _chain(key, prev, _content(**fields))
                conn.execute(insert(_ENTRIES).values(**fields, prev_hash=prev, hash=digest))
                conn.execute(update(_HEAD).where(_HEAD.c.id == 1).values(hash=digest))
                return seq
        except IntegrityError:
            continue  # two first-ever entries raced to create the head row: try again
    raise RuntimeError("could not append to the audit trail")


@dataclass(frozen=True, slots=True)
class AuditCheck:
    entries: int
    head_seq: int
    head_hash: str
    problems: list[str]

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_audit(*, engine: Engine) -> AuditCheck:
    """Walk the chain from the first entry: every hash recomputed, every link and number checked."""
    key = secret("audit_key")
    problems: list[str] = []
    prev, expected_seq, count = GENESIS, 1, 0
    with engine.connect() as conn:
        head = conn.execute(select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == 1)).first()
        rows = conn.execute(select(_ENTRIES).order_by(_ENTRIES.c.seq)).mappings()
        for row in rows:
            count += 1
            if row["seq"] != expected_seq:
                problems.append(f"entries {expected_seq}..{row['seq'] - 1} are missing (deleted)")
            if row["prev_hash"] != prev:
                problems.append(f"entry {row['seq']}: does not follow from the entry before it")
            content = _content(seq=row["seq"], at=row["at"], actor=row["actor"], role=row["role"], action=row["action"],
                               subject=row["subject"], detail=row["detail"], ip=row["ip"])  # fmt: skip
            if not hmac.compare_digest(_chain(key, row["prev_hash"], content), row["hash"]):
                problems.append(f"entry {row['seq']}: content or hash was changed")
            prev, expected_seq = row["hash"], row["seq"] + 1
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != expected_seq - 1 or head_hash != prev:
        problems.append(f"the chain ends at entry {expected_seq - 1} but the head says {head_seq}: entries at the end were deleted or added")
    return AuditCheck(count, head_seq, head_hash, problems)


def list_audit(*, engine: Engine, limit: int = 200, before: int | None = None, actor: str | None = None) -> list[dict[str, Any]]:
    query = select(_ENTRIES).order_by(_ENTRIES.c.seq.desc()).limit(limit)
    if before:
        query = query.where(_ENTRIES.c.seq < before)
    if actor:
        query = query.where(_ENTRIES.c.actor == actor)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def count_audit(*, engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(_ENTRIES)).scalar_one()

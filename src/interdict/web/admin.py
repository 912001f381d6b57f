"""Administrators' pages: user accounts, partners' API keys and the audit trail with its check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from interdict.access import audit
from interdict.access.dependencies import EngineDep, RowIdQuery
from interdict.access.keys import create_api_key, list_api_keys, revoke_api_key
from interdict.access.models import ROLES
from interdict.access.scope import Viewer
from interdict.access.users import UserCreate, create_user, list_agencies, list_users, set_disabled
from interdict.web.auth import allowed
from interdict.web.rendering import page

router = APIRouter(include_in_schema=False)
UserAdmin = Annotated[Viewer, allowed("users.manage")]
KeyAdmin = Annotated[Viewer, allowed("keys.manage")]
AuditReader = Annotated[Viewer, allowed("audit.view")]


@router.get("/admin/users")
def users(request: Request, engine: EngineDep, viewer: UserAdmin, created: str | None = None) -> Response:
    return page(request, "admin_users.html", users=list_users(engine=engine), agencies=list_agencies(engine=engine), roles=ROLES,
                created=created)  # fmt: skip


@router.post("/admin/users")
async def user_create(
    engine: EngineDep,
    viewer: UserAdmin,
    username: Annotated[str, Form(max_length=64)],
    full_name: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form(max_length=16)],
    agency: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=200)],
    unit: Annotated[str, Form(max_length=64)] = "",
    reporters: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    new = UserCreate(username.strip(), full_name.strip(), role, agency, password, unit.strip() or None,
                     tuple(r.strip() for r in reporters.split(",") if r.strip()))  # fmt: skip
    await run_in_threadpool(create_user, engine=engine, new=new, by=viewer)
    return RedirectResponse(f"/admin/users?created={new.username}", status_code=303)


@router.post("/admin/users/{username}/disable")
def user_disable(engine: EngineDep, viewer: UserAdmin, username: str) -> Response:
    set_disabled(engine=engine, username=username, disabled=True, by=viewer)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{username}/enable")
def user_enable(engine: EngineDep, viewer: UserAdmin, username: str) -> Response:
    set_disabled(engine=engine, username=username, disabled=False, by=viewer)
    return RedirectResponse("/admin/users", status_code=303)


@router.get("/admin/keys")
def keys(request: Request, engine: EngineDep, viewer: KeyAdmin) -> Response:
    return page(request, "admin_keys.html", keys=list_api_keys(engine=engine), new_key=None)


@router.post("/admin/keys")
def key_create(request: Request, engine: EngineDep, viewer: KeyAdmin, name: Annotated[str, Form(max_length=100)],
               reporters: Annotated[str, Form(max_length=500)]) -> Response:  # fmt: skip
    codes = [r.strip() for r in reporters.split(",") if r.strip()]
    prefix, key = create_api_key(engine=engine, name=name.strip(), reporters=codes)
    audit.record(engine=engine, viewer=viewer, action="create", subject=f"apikey:{prefix}", detail={"name": name, "reporters": codes})
    # Shown once, in this response only: the store keeps the hash.
    return page(request, "admin_keys.html", keys=list_api_keys(engine=engine), new_key={"prefix": prefix, "key": key, "name": name})


@router.post("/admin/keys/{prefix}/revoke")
def key_revoke(engine: EngineDep, viewer: KeyAdmin, prefix: str) -> Response:
    revoke_api_key(engine=engine, prefix=prefix)
    audit.record(engine=engine, viewer=viewer, action="revoke", subject=f"apikey:{prefix}")
    return RedirectResponse("/admin/keys", status_code=303)


@router.get("/admin/audit")
def audit_trail(request: Request, engine: EngineDep, viewer: AuditReader, actor: str | None = None, before: RowIdQuery = None,
                verify: bool = False) -> Response:  # fmt: skip
    entries = audit.list_audit(engine=engine, limit=100, before=before, actor=actor or None)
    check = audit.verify_audit(engine=engine) if verify else None
    return page(request, "admin_audit.html", entries=entries, check=check, actor=actor or "")

"""FastAPI dependencies for who is calling: the store, and a partner's API key.

Routes declare `PartnerKey` and never see an unauthenticated request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from interdict.access.keys import Partner, recently_verified, verify_api_key

_bearer = HTTPBearer(auto_error=False, description="a partner API key: `Authorization: Bearer idk_…`")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="a partner API key")


async def get_engine(request: Request) -> Engine:  # async: a plain function would cost a thread hop per request
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(get_engine)]
# A row's id in a path or query: past the stores' integer columns (PostgreSQL's INTEGER ends at
# 2**31 - 1) a number is no row at all, refused as bad input (422) before it reaches a query that
# would fail with a server error (the OpenAPI fuzz test sent 8060724139172846251336116195033088).
ROW_ID_MAX = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=ROW_ID_MAX)]
RowIdQuery = Annotated[int | None, Query(ge=1, le=ROW_ID_MAX)]


async def check_api_key(*, engine: Engine, presented: str) -> Partner | None:
    """`verify_api_key` without a thread hop when this process verified the same key moments ago."""
    return recently_verified(engine=engine, presented=presented) or await run_in_threadpool(
        verify_api_key, engine=engine, presented=presented)


async def require_partner(
    engine: EngineDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    header: Annotated[str | None, Depends(_header)],
) -> Partner:
    presented = (bearer.credentials if bearer else None) or header
    partner = await check_api_key(engine=engine, presented=presented) if presented else None
    if partner is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="a valid, unrevoked API key is required (Authorization: Bearer idk_…)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return partner


PartnerKey = Annotated[Partner, Depends(require_partner)]

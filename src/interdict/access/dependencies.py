"""FastAPI dependencies for who is calling: the store, and a partner's API key.

Routes declare `PartnerKey` and never see an unauthenticated request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from interdict.access.keys import Partner, verify_api_key

_bearer = HTTPBearer(auto_error=False, description="a partner API key: `Authorization: Bearer idk_…`")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="a partner API key")


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(get_engine)]


def require_partner(
    engine: EngineDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    header: Annotated[str | None, Depends(_header)],
) -> Partner:
    presented = (bearer.credentials if bearer else None) or header
    partner = verify_api_key(engine=engine, presented=presented) if presented else None
    if partner is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="a valid, unrevoked API key is required (Authorization: Bearer idk_…)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return partner


PartnerKey = Annotated[Partner, Depends(require_partner)]

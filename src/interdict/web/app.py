"""The FastAPI application: every capability's router, errors rendered one way."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from interdict import __version__
from interdict.errors import InterdictError
from interdict.ingest.api import router as ingest_router
from interdict.store.schema import ready_engine


def create_app(*, engine: Engine | None = None) -> FastAPI:
    app = FastAPI(
        title="Interdict",
        version=__version__,
        description="Advance shipment data in, risk scores and hits out. Partners authenticate with an API key.",
    )
    app.state.engine = engine or ready_engine()
    app.include_router(ingest_router)

    @app.exception_handler(InterdictError)
    async def _interdict_error(_request: Request, error: InterdictError) -> JSONResponse:
        return JSONResponse(error.as_dict(), status_code=error.status_code)

    return app

"""Serving the web application: `serve(engine=…, host=…, port=…)` and the `interdict serve` command.

TLS is a reverse proxy's job; run uvicorn with forwarded headers so cookies get `Secure` behind it.
With `--workers N` uvicorn runs N processes, each opening the configured store itself: everything
they must agree on (sessions, sign-outs, the login rate limit, the audit chain) is in the database.
"""

from __future__ import annotations

import socket
from typing import Annotated

import typer
import uvicorn
from uvicorn.supervisors import Multiprocess
from sqlalchemy import Engine

from interdict.console import console
from interdict.store.schema import ready_engine


class NoDelayConfig(uvicorn.Config):
    """uvicorn's configuration, its shared listening socket set to TCP_NODELAY.

    For several workers uvicorn binds `socket.socket(family)`, whose protocol number is 0, and
    asyncio sets TCP_NODELAY only on sockets whose protocol is IPPROTO_TCP; so every connection
    kept Nagle's algorithm, and each response (headers, then body: two writes) waited for the
    client's delayed ACK: ~40 ms a request (BENCHMARKS.md, "Targeting"). Linux gives accepted
    connections the listening socket's TCP_NODELAY."""

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock


def serve(*, engine: Engine, host: str = "127.0.0.1", port: int = 8000, proxy: bool = False, workers: int = 1) -> None:
    """Serve until interrupted. `proxy`: trust X-Forwarded-Proto/For from a local reverse proxy.
    `workers` > 1 needs `engine` to be the configured store (INTERDICT_DATABASE_URL): each worker
    process opens it again."""
    console.print(f"Interdict on http://{host}:{port}/  (API documentation: http://{host}:{port}/docs)")
    options = {"host": host, "port": port, "log_level": "warning", "proxy_headers": proxy, "forwarded_allow_ips": "127.0.0.1" if proxy else None}
    if workers > 1:  # as uvicorn.run does for workers, with the listening socket set to TCP_NODELAY
        config = NoDelayConfig("interdict.web.app:create_app", factory=True, workers=workers, **options)
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        from interdict.web.app import create_app  # here, not at the top: every CLI command imports this module

        uvicorn.run(create_app(engine=engine), **options)


def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    proxy: Annotated[bool, typer.Option(help="behind a TLS reverse proxy on this machine")] = False,
    workers: Annotated[int, typer.Option(min=1, max=32, help="server processes (about one per core)")] = 1,
) -> None:
    """Serve the web application and the JSON API."""
    serve(engine=ready_engine(), host=host, port=port, proxy=proxy, workers=workers)

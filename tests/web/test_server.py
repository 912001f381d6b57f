"""`interdict serve --workers N` listens on a socket set to TCP_NODELAY (accepted connections
inherit it): without it every response waited ~40 ms for the client's delayed ACK."""

from __future__ import annotations

import socket

from interdict.web.server import NoDelayConfig


def test_the_workers_listening_socket_sends_without_delay():
    config = NoDelayConfig("interdict.web.app:create_app", factory=True, host="127.0.0.1", port=0, workers=2)
    sock = config.bind_socket()
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        sock.listen(1)  # the worker's event loop listens (asyncio create_server)
        client = socket.create_connection(sock.getsockname())
        accepted, _ = sock.accept()
        try:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0  # inherited by each connection
        finally:
            accepted.close()
            client.close()
    finally:
        sock.close()

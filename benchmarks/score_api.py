"""Single-shipment scoring latency: POST /api/v1/score at a fixed rate (open loop) for N seconds.

Requests leave on a fixed schedule (100 a second by default) whether or not earlier ones have
answered, so a slow server shows as latency, not as a lower rate. Builds the store and starts the
server as benchmarks/web.py does (uvicorn in its own process). Prints p50, p99, max and errors,
and the CPU time a request costs the server and the load generator (the stable figure on a shared
machine). The load generator is a minimal HTTP/1.1 client by default (`--client httpx` for httpx).
Run: PYTHONPATH=src:. .venv/bin/python benchmarks/score_api.py [--rate 100] [--seconds 30] [--shipments 20000] [--client plain|httpx]
Target: p99 at most 20 ms at 100 requests a second.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.web import build, free_port, parcel, sign_in, start_server


class PlainClient:
    """A minimal HTTP/1.1 client over asyncio streams, keeping connections alive.

    The load generator shares the two cores with the server: httpx spends 2-6 ms of CPU a request
    here, more than the server, and that time shows up as server latency. This one parses only a
    status line, headers and a Content-Length body (what the API answers), ~0.3 ms a request.
    """

    def __init__(self, host: str, port: int, key: str):
        self.host, self.port = host, port
        self.head = (f"POST /api/v1/score HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                     f"Authorization: Bearer {key}\r\nContent-Length: ")
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def score(self, body: bytes) -> tuple[int, bytes]:
        request = f"{self.head}{len(body)}\r\n\r\n".encode() + body
        reused = bool(self.idle)
        reader, writer = self.idle.pop() if reused else await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(request)
            line = await reader.readline()
        except ConnectionError:
            if not reused:
                raise
            line = b""
        if not line and reused:  # the server closed the idle connection (keep-alive timeout): once more on a new one
            writer.close()
            reader, writer = await asyncio.open_connection(self.host, self.port)
            writer.write(request)
            line = await reader.readline()
        status = int(line.split()[1])
        length, keep = 0, True
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
            elif name.strip().lower() == b"connection" and value.strip().lower() == b"close":
                keep = False
        data = await reader.readexactly(length)
        if keep:
            self.idle.append((reader, writer))
        else:
            writer.close()
        return status, data

    def close(self) -> None:
        for _reader, writer in self.idle:
            writer.close()


async def open_loop(base: str, key: str, *, rate: float, seconds: float, client: str = "plain") -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=500, max_keepalive_connections=100)
    url = httpx.URL(base)
    plain = PlainClient(url.host, url.port, key)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:

        async def one(n: int) -> None:
            started = time.perf_counter()
            try:
                if client == "plain":
                    status, text = await asyncio.wait_for(plain.score(json.dumps(parcel(n)).encode()), 30)
                else:
                    reply = await http.post("/api/v1/score", json=parcel(n), headers={"Authorization": f"Bearer {key}"})
                    status, text = reply.status_code, reply.content
                if status != 200:
                    errors.append(f"{status}: {text[:100]!r}")
            except (httpx.HTTPError, OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
                errors.append(repr(error))
            latencies.append(time.perf_counter() - started)

        tasks = []
        begin = time.perf_counter()
        for n in range(int(rate * seconds)):
            delay = begin + n / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(n)))
        await asyncio.gather(*tasks)
    plain.close()
    return latencies, errors


async def warm_up(base: str, key: str, workers: int) -> None:
    """Compile the profiles in every worker before measuring (a few CPU-seconds each).

    Each request comes on a new connection, many at once, so the kernel hands them to every
    worker; one kept-alive connection would warm one worker and leave the other to compile
    during the measurement, queueing every request behind it.
    """
    async with httpx.AsyncClient(base_url=base, timeout=600, limits=httpx.Limits(max_keepalive_connections=0)) as client:
        for round_ in range(3):
            await asyncio.gather(*(client.post("/api/v1/score", json=parcel(10_000_000 + round_ * 1000 + n),
                                               headers={"Authorization": f"Bearer {key}"}) for n in range(workers * 8)))


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its descendants so far (Linux /proc), in seconds."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--shipments", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--client", choices=("plain", "httpx"), default="plain", help="the load generator's HTTP client (see PlainClient)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="interdict-score-api-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    print(f"building {args.shipments:,} shipments in {url} …", flush=True)
    build(url, args.shipments)
    _sessions, key = sign_in(url, 1)
    port = free_port()
    server = start_server(url, folder / "home", port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        asyncio.run(warm_up(base, key, args.workers))
        server_cpu, client_cpu = tree_cpu_seconds(server.pid), time.process_time()
        latencies, errors = asyncio.run(open_loop(base, key, rate=args.rate, seconds=args.seconds, client=args.client))
        server_cpu, client_cpu = tree_cpu_seconds(server.pid) - server_cpu, time.process_time() - client_cpu
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(f"POST /api/v1/score at {args.rate:.0f}/s for {args.seconds:.0f} s, {args.workers} uvicorn worker(s): "
          f"{len(latencies):,} requests, p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {latencies[-1] * 1000:.1f} ms, errors {len(errors)}")  # fmt: skip
    print(f"CPU a request: server {server_cpu / len(latencies) * 1000:.2f} ms (all workers), "
          f"load generator ({args.client}) {client_cpu / len(latencies) * 1000:.2f} ms; load average {os.getloadavg()[0]:.1f}")
    for error in errors[:5]:
        print("  ", error)


if __name__ == "__main__":
    main()

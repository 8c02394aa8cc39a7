"""HTTP load: N keep-alive connections request URLs back to back for D seconds, and report requests/s,
latency (p50/p95/p99/max), errors and bytes.

    python -m bench.http_load --concurrency 32 --duration 15 http://127.0.0.1:8001/ http://127.0.0.1:8002/

Connections are dealt round-robin over the URLs' servers (scheme, host, port), so one URL per worker
spreads the load over the workers; each connection then cycles through the paths of its server's URLs.
Each connection waits for a response before sending the next request (closed loop): when the server
slows down the generator does too, so latency under overload reads low; look at requests/s beside it.

Plain asyncio streams, HTTP/1.1, no TLS: a client library would cost more CPU than the server under
test on a small machine. Importable: `load(urls, concurrency, duration, headers)` returns a LoadResult.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from itertools import cycle
from urllib.parse import urlsplit

from .notes_load import percentiles
from .procstat import cpu_percent, cpu_sample

NO_BODY = {204, 304}
# As a browser asks; give another Accept-Encoding (e.g. identity) in `headers` to change it.
DEFAULT_HEADERS = {"Accept-Encoding": "gzip"}


@dataclass
class LoadResult:
    concurrency: int
    seconds: float
    requests: int = 0
    errors: int = 0  # failed connections and requests, timeouts, and statuses of 400 and over
    body_bytes: int = 0
    statuses: Counter = field(default_factory=Counter)
    latencies_ns: list[int] = field(default_factory=list, repr=False)
    cpu_percent: dict[str, float] = field(default_factory=dict)  # of --pids, 100 % = one core

    def summary(self) -> dict:
        result = asdict(self)
        del result["latencies_ns"]
        result["statuses"] = {str(status): count for status, count in sorted(self.statuses.items())}
        result["requests_per_s"] = round(self.requests / self.seconds, 1) if self.seconds else 0.0
        result["latency_ms"] = percentiles(self.latencies_ns)
        return result


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    paths: tuple[str, ...]


def servers_of(urls: list[str]) -> list[Server]:
    paths: dict[tuple[str, int], list[str]] = {}
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"only http:// URLs with a host: {url!r}")
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        paths.setdefault((parts.hostname, parts.port or 80), []).append(path)
    return [Server(host, port, tuple(found)) for (host, port), found in paths.items()]


def request_bytes(server: Server, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {server.host}:{server.port}"]
    lines += [f"{name}: {value}" for name, value in {**DEFAULT_HEADERS, **headers}.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, int, bool]:
    """(status, body bytes, whether the connection stays open) of one response."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split(" ", 2)[1])
    fields = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip().lower()
    keep_alive = fields.get("connection") != "close"
    if status in NO_BODY or 100 <= status < 200:
        return status, 0, keep_alive
    if "chunked" in fields.get("transfer-encoding", ""):
        return status, await read_chunks(reader), keep_alive
    if "content-length" in fields:
        return status, len(await reader.readexactly(int(fields["content-length"]))), keep_alive
    return status, len(await reader.read()), False  # the body runs to the end of the connection


async def read_chunks(reader: asyncio.StreamReader) -> int:
    size = 0
    while chunk := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
        size += len(await reader.readexactly(chunk + 2)) - 2
    while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers, then the empty line
        pass
    return size


async def connection(server: Server, headers: dict, result: LoadResult, window: tuple[int, int],
                     timeout: float) -> None:
    """One keep-alive connection, reopened after a failure or a `Connection: close`, until the end."""
    requests = cycle([request_bytes(server, path, headers) for path in server.paths])
    start, end = window
    writer = None
    while time.monotonic_ns() < end:
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(server.host, server.port),
                                                        timeout)
            sent = time.monotonic_ns()
            writer.write(next(requests))
            status, size, keep_alive = await asyncio.wait_for(read_response(reader), timeout)
            done = time.monotonic_ns()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError):
            done, status, keep_alive = time.monotonic_ns(), None, False
        if start <= done <= end:  # warm-up requests and the last one past the end are not counted
            result.errors += status is None or status >= 400
            if status is not None:
                result.requests += 1
                result.statuses[status] += 1
                result.body_bytes += size
                result.latencies_ns.append(done - sent)
        if not keep_alive and writer is not None:
            writer.close()
            writer = None
        if status is None:
            await asyncio.sleep(0.01)  # a refused connection fails at once: do not spin on it
    if writer is not None:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def run_load(
    urls: list[str],
    concurrency: int,
    duration: float,
    headers: dict[str, str] | None = None,
    *,
    warmup: float = 0.0,
    timeout: float = 30.0,
    pids: list[int] | None = None,
    watch: dict[str, list[int] | str] | None = None,
) -> LoadResult:
    """`pids` are the workers'; `watch` adds more process kinds whose CPU to report (label -> pids,
    or a command name, as procstat.cpu_sample takes them)."""
    servers = servers_of(urls)
    result = LoadResult(concurrency=concurrency, seconds=duration)
    start = time.monotonic_ns() + int(warmup * 1e9)
    window = (start, start + int(duration * 1e9))
    tasks = [
        asyncio.create_task(connection(servers[index % len(servers)], headers or {}, result, window, timeout))
        for index in range(concurrency)
    ]
    processes = {"workers": pids or [], **(watch or {}), "load_generator": [os.getpid()]}
    await asyncio.sleep(warmup)
    before = cpu_sample(processes)
    await asyncio.gather(*tasks)
    used = cpu_percent(before, cpu_sample(processes), duration)
    result.cpu_percent = {label: round(value, 1) for label, value in used.items()}
    return result


def load(urls: list[str], concurrency: int, duration: float, headers: dict[str, str] | None = None,
         **options) -> LoadResult:
    """run_load on an event loop of its own (uvloop's where installed: the generator shares the
    machine with the server, so the less CPU it takes the better)."""
    try:
        import uvloop

        loop_factory = uvloop.new_event_loop
    except ImportError:
        loop_factory = None
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        return runner.run(run_load(urls, concurrency, duration, headers, **options))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.http_load", description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="+", help="http:// URLs; connections are dealt over their servers")
    parser.add_argument("--concurrency", "-c", type=int, default=32, help="open connections (default 32)")
    parser.add_argument("--duration", "-d", type=float, default=10.0, help="measured seconds (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of load before measuring (2)")
    parser.add_argument("--header", "-H", action="append", default=[], help="'Name: value', repeatable")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a request fails (30)")
    parser.add_argument("--pids", default="", help="comma-separated server PIDs whose CPU to report")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    headers = {name.strip(): value.strip() for name, value in (line.split(":", 1) for line in args.header)}
    pids = [int(pid) for pid in args.pids.split(",") if pid]
    result = load(args.urls, args.concurrency, args.duration, headers,
                  warmup=args.warmup, timeout=args.timeout, pids=pids).summary()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    latency = " ".join(f"{name} {value}" for name, value in result["latency_ms"].items() if name != "count")
    print(f"{result['requests']} requests in {args.duration:g} s over {args.concurrency} connections: "
          f"{result['requests_per_s']} requests/s, {result['errors']} errors, {result['body_bytes']} bytes")
    print(f"latency ms: {latency}")
    print(f"statuses: {result['statuses']}  CPU %: {result['cpu_percent']}")


if __name__ == "__main__":
    main()

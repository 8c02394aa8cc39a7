"""Runs bench/peer/load.mjs (the browser's Yjs client in Node) against one server and reads the
server's processes from /proc at the moments the client announces: memory before any socket, after
all are connected and at the end; CPU over the measured window.

The client's run file holds session cookies for Sakråd: it is written readable by this user only,
outside the work tree, and removed after the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .deployment import ROOT, say
from .hocuspocus_server import PEER, node, npm_installed
from .procstat import cpu_percent, cpu_sample, rss_bytes


@dataclass(frozen=True)
class Load:
    """What every server gets: the same groups, typing and timing."""

    groups: int
    clients: int  # connected clients per group
    typists: int  # of them, typing
    rate: float  # keystrokes per second per typist
    duration: float  # measured seconds of typing
    warmup: float = 5.0  # typing seconds before the window
    drain: float = 3.0  # after the last keystroke, for edits still on their way (late ones count)
    settle: float = 30.0  # at most this long after the drain for every group to converge
    seed: int = 1
    wall: bool = False  # the plenary wall: one more, read-only client per group, timed on takeaway flags


@dataclass(frozen=True)
class Target:
    """One server as the client reaches it, and the processes whose CPU and memory are its cost."""

    server: str  # "sakrad" or "hocuspocus": the client's adapter
    urls: list[str]
    groups: list[dict]  # [{room, members}]: members are Cookie headers (Sakråd) or tokens
    watched: dict[str, list[int] | str]  # process kind -> PIDs, or a command name
    memory_pids: list[int]  # the processes that hold the sockets: memory per socket is theirs
    origin: str = ""


def rss(pids: list[int]) -> int:
    return sum(rss_bytes(pid) or 0 for pid in pids)


def write_private(data: dict) -> Path:
    descriptor, name = tempfile.mkstemp(prefix="sakrad-bench-peer-", suffix=".json")
    with os.fdopen(descriptor, "w") as file:  # mkstemp: mode 0600
        json.dump(data, file)
    return Path(name)


def drive(target: Target, load: Load) -> dict:
    npm_installed(PEER)
    config = {**vars(load), "server": target.server, "urls": target.urls, "origin": target.origin,
              "groups": target.groups[: load.groups]}
    run_file = write_private(config)
    memory: dict[str, int] = {}
    cpu, report, before, opened = {}, None, None, 0.0
    process = subprocess.Popen([node(), str(PEER / "load.mjs"), str(run_file)], cwd=ROOT,  # noqa: S603
                               stdout=subprocess.PIPE, text=True)
    watched = {**target.watched, "load_generator": [process.pid]}
    try:
        for line in process.stdout:
            event = json.loads(line)
            kind = event["event"]
            if kind in {"idle", "connected"}:
                memory[kind] = rss(target.memory_pids)
            elif kind == "window_open":
                before, opened = cpu_sample(watched), time.monotonic()
            elif kind == "window_closed":
                cpu = cpu_percent(before, cpu_sample(watched), time.monotonic() - opened)
                memory["end"] = rss(target.memory_pids)
            elif kind == "report":
                report = event["report"]
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        run_file.unlink(missing_ok=True)
    if process.returncode or report is None:
        raise SystemExit(f"bench/peer/load.mjs failed against {target.server} (status {process.returncode})")
    return {**report, **costs(cpu, memory, report["sockets"], target)}


def costs(cpu: dict[str, float], memory: dict[str, int], sockets: int, target: Target) -> dict:
    server_kinds = [kind for kind in target.watched if kind != "load_generator"]

    def per_socket(phase: str) -> float | None:
        if not target.memory_pids or "idle" not in memory or phase not in memory:
            return None
        return round((memory[phase] - memory["idle"]) / sockets / 1024, 1)

    return {
        "cpu_percent_of_one_core": {kind: round(value, 1) for kind, value in cpu.items() if kind != "system"},
        "server_cpu_percent": round(sum(cpu.get(kind, 0.0) for kind in server_kinds), 1),
        "machine_busy_percent": round(cpu.get("system", 0.0), 1),
        "server_rss_mb": {phase: round(value / 2**20, 1) for phase, value in memory.items()},
        "memory_per_socket_kb": {"connected": per_socket("connected"), "end": per_socket("end")},
    }


def announce(target: Target, load: Load) -> None:
    say(f"{target.server}: {load.groups} groups x {load.clients} clients, {load.typists} typing at "
        f"{load.rate:g}/s, {load.warmup:g} s warm-up + {load.duration:g} s measured, "
        f"via {' '.join(target.urls)}")

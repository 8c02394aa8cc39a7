"""Sakråd's live notes side by side with Hocuspocus, under the same load from the browser's own client
(yjs + the y-websocket provider with awareness, in Node: bench/peer/), on this machine, one after
the other, in one command (issue 18):

    .venv/bin/python -m bench.side_by_side --scenario groups-1
    .venv/bin/python -m bench.side_by_side --groups 50 --clients 10 --typists 2 --rate 1 --seconds 20

Sakråd runs as `make serve` does (bench/deployment.py: two uvicorn workers behind nginx, production
settings, PostgreSQL, the Redis channel layer) on a fresh database `sakrad_bench_side_by_side`, or is
taken running with --url and --sessions (from `bench.notes_load setup`). Hocuspocus
(bench/hocuspocus/, with its SQLite persistence) runs on a fresh SQLite file. Prints both with the
ratio Sakråd / Hocuspocus: edit-to-peer p50/p95/p99/max, deliveries still missing 3 s after typing
stops and after settling, converged groups, CPU per process kind and memory per socket.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .deployment import Deployment, say, stop_on_signals
from .hocuspocus_server import HOCUSPOCUS, PEER, hocuspocus_serve, node, npm_installed, version
from .node_load import Load, Target, announce, drive

SAKRAD = Deployment("side-by-side", database="sakrad_bench_side_by_side", redis_db=5, nginx_port=8720,
                    worker_port=8721)
HOCUSPOCUS_PORT = 8760
# Session cookies log people in: kept out of the work tree, and removed after the run.
SESSIONS = Path(tempfile.gettempdir()) / "sakrad-bench" / "side-by-side.json"


@dataclass(frozen=True)
class Scenario:
    groups: int
    clients: int
    typists: int
    rate: float
    seconds: float = 20.0
    wall: bool = False


# Issue 18's scenarios; the conference has the plenary wall (bench/peer/load.mjs).
SCENARIOS = {
    "groups-1": Scenario(50, 10, 2, 1.0),
    "groups-2": Scenario(50, 10, 2, 2.0),
    "groups-3": Scenario(50, 10, 2, 3.0),
    "one-room-1": Scenario(1, 50, 50, 1.0),
    "one-room-3": Scenario(1, 50, 50, 3.0),
    "conference-2": Scenario(100, 8, 2, 2.0, wall=True),
}
SERVERS = ("sakrad", "hocuspocus")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.side_by_side",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", choices=sorted(SCENARIOS),
                        help="issue 18's presets; the options below override them")
    parser.add_argument("--groups", type=int)
    parser.add_argument("--clients", type=int, help="connected clients per group")
    parser.add_argument("--typists", type=int, help="clients per group who type")
    parser.add_argument("--rate", type=float, help="keystrokes per second per typist")
    parser.add_argument("--seconds", type=float, help="measured seconds of typing")
    parser.add_argument("--wall", action=argparse.BooleanOptionalAction,
                        help="the plenary wall: one read-only client per group, timed on takeaway flags")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of typing before measuring")
    parser.add_argument("--settle", type=float, default=30.0, help="at most this long for convergence")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=SERVERS, help="run one server only")
    parser.add_argument("--workers", type=int, default=2, help="Sakråd's uvicorn workers")
    parser.add_argument("--direct", action="store_true",
                        help="Sakråd's sockets straight to the workers, not through nginx")
    parser.add_argument("--url", action="append", default=[],
                        help="a running Sakråd (http://host:port, repeatable) instead of starting one")
    parser.add_argument("--sessions", type=Path, help="with --url: the sessions file of `notes_load setup`")
    parser.add_argument("--pids", default="", help="with --url: the workers' PIDs, for CPU and memory")
    parser.add_argument("--hocuspocus-port", type=int, default=HOCUSPOCUS_PORT)
    parser.add_argument("--json", type=Path, help="also write both reports here")
    args = parser.parse_args(argv)
    preset = SCENARIOS.get(args.scenario) or Scenario(3, 4, 2, 1.0, 5.0)  # no scenario: a smoke run
    for name in ("groups", "clients", "typists", "rate", "seconds", "wall"):
        if getattr(args, name) is None:
            setattr(args, name, getattr(preset, name))
    if args.typists > args.clients:
        parser.error("--typists cannot exceed --clients")
    if args.url and not args.sessions:
        parser.error("--url needs --sessions (bench.notes_load setup, against that server's database)")
    return args


# --- Sakråd ---------------------------------------------------------------------------------------


def sakrad_groups(sessions: dict) -> list[dict]:
    """Members by their session cookies; the wall is the staff session that runs the plenary."""
    name = sessions["cookie_name"]
    return [{"room": str(group["id"]), "members": [f"{name}={cookie}" for cookie in group["members"]],
             "wall": f"{name}={sessions['staff']}"}
            for group in sessions["groups"]]


def sakrad_target(urls: list[str], sessions: dict, watched: dict, workers: list[int]) -> Target:
    """y-websocket joins the server URL and the room with "/": /ws/notes + /<group id>."""
    sockets = [url.replace("http", "ws", 1).rstrip("/") + "/ws/notes" for url in urls]
    return Target(server="sakrad", urls=sockets, origin=urls[0].rstrip("/"), groups=sakrad_groups(sessions),
                  watched=watched, memory_pids=workers)


def run_sakrad(args, load: Load) -> dict:
    if args.url:
        sessions = json.loads(args.sessions.read_text())
        workers = [int(pid) for pid in args.pids.split(",") if pid]
        watched = {"workers": workers, "postgres": "postgres", "redis": "redis-server"}
        target = sakrad_target(args.url, sessions, watched, workers)
        announce(target, load)
        return drive(target, load)
    say(f"sakrad: database {SAKRAD.database}, migrating; {load.groups} groups x {load.clients} members")
    SAKRAD.recreate_database()
    SAKRAD.manage("migrate", "--no-input")
    SAKRAD.python("-m", "bench.notes_load", "setup", "--groups", str(load.groups),
                  "--members", str(load.clients), "--label", "side-by-side", "--out", str(SESSIONS))
    try:
        sessions = json.loads(SESSIONS.read_text())
        with SAKRAD.serve(args.workers) as running:
            urls = SAKRAD.worker_urls(args.workers) if args.direct else [SAKRAD.nginx_url()]
            target = sakrad_target(urls, sessions, running.watched(), running.workers)
            announce(target, load)
            return drive(target, load)
    finally:
        SESSIONS.unlink(missing_ok=True)


# --- Hocuspocus -----------------------------------------------------------------------------------


def run_hocuspocus(args, load: Load) -> dict:
    with hocuspocus_serve(args.hocuspocus_port) as pid:
        groups = [{"room": f"group-{number + 1}", "members": [""] * load.clients, "wall": ""}
                  for number in range(load.groups)]
        target = Target(server="hocuspocus", urls=[f"ws://127.0.0.1:{args.hocuspocus_port}"], groups=groups,
                        watched={"hocuspocus": [pid]}, memory_pids=[pid])
        announce(target, load)
        return drive(target, load)


# --- the report -----------------------------------------------------------------------------------

ROWS = [  # label, how to read it from a report, whether a ratio means anything
    ("edit-to-peer p50 ms", lambda r: r["propagation_ms"]["p50"], True),
    ("edit-to-peer p95 ms", lambda r: r["propagation_ms"]["p95"], True),
    ("edit-to-peer p99 ms", lambda r: r["propagation_ms"]["p99"], True),
    ("edit-to-peer max ms", lambda r: r["propagation_ms"]["max"], True),
    ("p99 incl. late deliveries ms", lambda r: r["propagation_ms_with_late"]["p99"], True),
    ("takeaway to wall p95 ms", lambda r: r.get("takeaway_to_wall_ms", {}).get("p95"), True),
    ("takeaway to wall max ms", lambda r: r.get("takeaway_to_wall_ms", {}).get("max"), True),
    ("updates sent/s", lambda r: r["updates_sent_per_s"], False),
    ("deliveries/s (by 3 s after)", lambda r: r["deliveries_per_s"], False),
    ("missing 3 s after typing", lambda r: f"{r['missing_after_drain']} of {r['deliveries_expected']}",
     False),
    ("missing after settling", lambda r: r["missing_after_settle"], False),
    ("converged 3 s after typing", lambda r: r["converged_after_drain"], False),
    ("converged after settling", lambda r: f"{r['converged_at_end']} ({r['seconds_to_converge']} s)", False),
    ("sockets closed by server", lambda r: r["sockets_closed_by_server"], False),
    ("server CPU, % of one core", lambda r: r["server_cpu_percent"], True),
    ("machine busy, % of all cores", lambda r: r["machine_busy_percent"], False),
    ("memory per socket KB, connected", lambda r: r["memory_per_socket_kb"]["connected"], True),
    ("memory per socket KB, at the end", lambda r: r["memory_per_socket_kb"]["end"], True),
    ("connect all sockets, s", lambda r: r["connect_seconds"], False),
]


def ratio(ours, theirs) -> str:
    if not isinstance(ours, int | float) or not isinstance(theirs, int | float) or theirs <= 0:
        return "-"
    return f"{ours / theirs:.2f}"


def table(reports: dict[str, dict]) -> str:
    sakrad, hocuspocus = reports.get("sakrad"), reports.get("hocuspocus")
    lines = ["| | Sakråd | Hocuspocus | ratio |", "|---|---:|---:|---:|"]
    for label, read, comparable in ROWS:
        ours = read(sakrad) if sakrad else None
        theirs = read(hocuspocus) if hocuspocus else None
        shown = ratio(ours, theirs) if comparable else ""
        cells = ["-" if value is None else value for value in (ours, theirs)]
        lines.append(f"| {label} | {cells[0]} | {cells[1]} | {shown} |")
    for name, report in reports.items():
        cpu = ", ".join(f"{kind} {value}" for kind, value in report["cpu_percent_of_one_core"].items())
        lines.append(f"\n{name}: CPU, % of one core: {cpu}")
        extra = {key: report[key] for key in ("refusals", "read_only_notices", "awareness_peers_seen_min",
                                              "permessage_deflate")}
        lines.append(f"{name}: {json.dumps(extra, ensure_ascii=False)}")
    return "\n".join(lines)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "cpu": cpu,
        "cores": len([line for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("processor")]),
        "node": subprocess.run([node(), "--version"], capture_output=True, text=True).stdout.strip(),  # noqa: S603
        "hocuspocus": version(HOCUSPOCUS, "@hocuspocus/server"),
        "yjs": version(PEER, "yjs"),
        "y-websocket": version(PEER, "y-websocket"),
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    stop_on_signals()
    npm_installed(PEER)
    npm_installed(HOCUSPOCUS)
    load = Load(groups=args.groups, clients=args.clients, typists=args.typists, rate=args.rate,
                duration=args.seconds, warmup=args.warmup, settle=args.settle, seed=args.seed, wall=args.wall)
    runs = {"sakrad": run_sakrad, "hocuspocus": run_hocuspocus}
    reports = {}
    try:
        for name in SERVERS:
            if args.only in (None, name):
                reports[name] = runs[name](args, load)
    except KeyboardInterrupt:
        raise SystemExit("interrupted; the servers are stopped") from None
    about = {"machine": machine(), "load": vars(load), "scenario": args.scenario,
             "sakrad": {"workers": args.workers, "via": "workers" if args.direct else "nginx"}}
    print(f"{load.groups} groups x {load.clients} clients, {load.typists} typing at {load.rate:g}/s, "
          f"{load.duration:g} s measured ({args.scenario or 'custom'}); {about['machine']['cores']} cores "
          f"{about['machine']['cpu']}, {about['machine']['date']}; ratio = Sakråd / Hocuspocus\n")
    print(table(reports))
    if args.json:
        args.json.write_text(json.dumps({**about, "reports": reports}, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

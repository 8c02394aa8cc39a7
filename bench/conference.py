"""Live notes at the scale of a national conference, on the real deployment, in one command: by default
100 breakout groups x 8 participants, 2 of each group typing at 1 keystroke/s, and the plenary wall.

    .venv/bin/python -m bench.conference [--groups 100] [--participants 8] [--typists 2] [--rate 1]
        [--workers 2] [--duration 30] [--direct] [--json F]

Needs PostgreSQL and Redis on 127.0.0.1 (as `.ci/run` starts them) and nginx. It (re)creates the
database `sakrad_bench_conference`, migrates it, makes the groups, their members and sessions
(`bench.notes_load setup`), starts `deploy/serve` (uvicorn workers behind nginx, production settings,
the Redis channel layer), runs `bench.notes_load run` against it, stops the deployment and prints
what notes_load measured. The sockets go through nginx, as browsers' do; `--direct` deals them over
the workers instead, to see what nginx costs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .deployment import PYTHON, ROOT, Deployment, Running, say, stop_on_signals

CONFERENCE = Deployment("conference", database="sakrad_bench_conference", redis_db=4, nginx_port=8710,
                        worker_port=8711)
# Session cookies log people in: kept out of the work tree, and removed after the run.
SESSIONS = Path(tempfile.gettempdir()) / "sakrad-bench"


@dataclass(frozen=True)
class Conference:
    groups: int
    participants: int  # connected clients per group
    typists: int  # of them, typing
    rate: float  # keystrokes per second per typist

    def __str__(self) -> str:
        return (f"{self.groups} groups x {self.participants} participants "
                f"({self.typists} typing at {self.rate:g}/s) + the plenary wall")


@dataclass(frozen=True)
class Timing:
    duration: float  # measured seconds of typing
    warmup: float  # typing seconds before
    settle: float  # at most this long for the groups to converge after the drain


def prepare() -> None:
    """An empty database with the schema; deploy/serve would migrate too, but the groups come first."""
    say(f"conference: database {CONFERENCE.database}, migrating")
    CONFERENCE.recreate_database()
    CONFERENCE.manage("migrate", "--no-input")


def add_groups(conference: Conference, label: str) -> Path:
    """Fresh groups for one run (a run adds to its groups' notes); returns their sessions file."""
    sessions = SESSIONS / f"conference-{label}.json"
    say(f"conference: making {conference.groups} groups x {conference.participants} members")
    CONFERENCE.python("-m", "bench.notes_load", "setup", "--groups", str(conference.groups),
                      "--members", str(conference.participants), "--label", label, "--out", str(sessions))
    return sessions


def drive(conference: Conference, timing: Timing, sessions: Path, urls: list[str], running: Running) -> dict:
    """`bench.notes_load run` in a process of its own, so its CPU is the load generator's alone."""
    command = [PYTHON, "-m", "bench.notes_load", "run", "--sessions", str(sessions),
               "--groups", str(conference.groups), "--clients", str(conference.participants),
               "--typists", str(conference.typists), "--rate", str(conference.rate), "--wall",
               "--duration", str(timing.duration), "--warmup", str(timing.warmup),
               "--settle", str(timing.settle), "--pids", ",".join(map(str, running.workers)),
               "--watch", "nginx=" + ",".join(map(str, running.nginx))]
    for url in urls:
        command += ["--url", url]
    # stderr passes through; stdout is the JSON report. subprocess.run kills it on any exception.
    finished = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)  # noqa: S603
    if finished.returncode:
        raise SystemExit(f"bench.notes_load run failed (status {finished.returncode})")
    return json.loads(finished.stdout)


def run(conference: Conference, timing: Timing, *, workers: int, direct: bool, label: str) -> dict:
    """One conference on a freshly started deployment: workers idle, memory per socket from zero."""
    sessions = add_groups(conference, label)
    try:
        with CONFERENCE.serve(workers) as running:
            urls = CONFERENCE.worker_urls(workers, "ws") if direct else [CONFERENCE.nginx_url("ws")]
            say(f"conference: {conference}, sockets through {' '.join(urls)}")
            started = time.monotonic()
            result = drive(conference, timing, sessions, urls, running)
            result["load_seconds"] = round(time.monotonic() - started, 1)
    finally:
        sessions.unlink(missing_ok=True)
    return {"conference": vars(conference), "workers": workers, "via": "workers" if direct else "nginx",
            "figures": figures(result), "notes_load": result}


def figures(result: dict) -> dict:
    """What notes_load reported that answers "does it hold": speed, loss, correctness, cost."""
    wall = result.get("takeaway_to_wall_ms") or {}
    return {
        "sockets": result["sockets"],
        "edit_to_peer_ms": {name: result["propagation_ms"][name] for name in ("p50", "p95", "p99")},
        "wall_p95_ms": wall.get("p95"),
        "delivered_share": result["delivered_share"],
        "converged_after_drain": result["converged_after_drain"],
        "converged_at_end": result["converged_at_end"],
        "sockets_closed_by_server": result["sockets_closed_by_server"],
        "updates_per_s": result["updates_sent_per_s"],
        "deliveries_per_s": result["deliveries_per_s"],
        "cpu_percent_of_one_core": result["cpu_percent_of_one_core"],
        "machine_busy_percent": result["machine_cpu_busy_percent"],
        "memory_per_connection_kb": result["worker_rss_per_socket_kb"],
    }


def describe(report: dict) -> str:
    numbers = report["figures"]
    edit, cpu = numbers["edit_to_peer_ms"], numbers["cpu_percent_of_one_core"]
    memory, share = numbers["memory_per_connection_kb"], numbers["delivered_share"]
    return "\n".join([
        f"{Conference(**report['conference'])}: {numbers['sockets']} sockets, "
        f"{report['workers']} worker(s), through {report['via']}",
        f"edit-to-peer ms: p50 {edit['p50']}, p95 {edit['p95']}, p99 {edit['p99']}; "
        f"plenary wall p95 {numbers['wall_p95_ms']} ms",
        f"delivered {'-' if share is None else f'{share:.2%}'}; converged groups "
        f"{numbers['converged_after_drain']} after the drain, {numbers['converged_at_end']} at the end; "
        f"sockets closed by the server {numbers['sockets_closed_by_server']}",
        f"updates {numbers['updates_per_s']}/s sent, {numbers['deliveries_per_s']}/s delivered",
        "CPU, % of one core: " + ", ".join(f"{kind} {value}" for kind, value in cpu.items())
        + f"; machine {numbers['machine_busy_percent']} % busy (100 = every core)",
        f"workers' memory per connection: {memory['connected']} KB connected, {memory['end']} KB at the end",
    ])


def add_conference_arguments(parser) -> None:
    """How each group types and how long it is measured: bench.capacity takes the same options."""
    parser.add_argument("--participants", type=int, default=8, help="connected clients per group")
    parser.add_argument("--typists", type=int, default=2, help="participants per group who type")
    parser.add_argument("--rate", type=float, default=1.0, help="keystrokes per second per typist")
    parser.add_argument("--duration", type=float, default=30.0, help="measured seconds of typing")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of typing before measuring")
    parser.add_argument("--settle", type=float, default=30.0, help="at most this long for convergence")
    parser.add_argument("--direct", action="store_true", help="sockets straight to the workers, not nginx")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.conference", description=__doc__.split("\n\n")[0])
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    add_conference_arguments(parser)
    parser.add_argument("--json", type=Path, help="also write the figures and notes_load's report here")
    args = parser.parse_args(argv)
    if args.typists > args.participants:
        parser.error("--typists cannot exceed --participants")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    stop_on_signals()
    conference = Conference(args.groups, args.participants, args.typists, args.rate)
    try:
        prepare()
        report = run(conference, Timing(args.duration, args.warmup, args.settle), workers=args.workers,
                     direct=args.direct, label="conference")
    except KeyboardInterrupt:
        raise SystemExit("interrupted; the deployment is stopped") from None
    print(describe(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

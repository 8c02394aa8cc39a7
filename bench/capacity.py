"""The capacity table of one machine, in one command: for each number of workers, how many readers a
second the public minutes page serves (from the cache, and uncached) within a p99 limit, and the
largest conference whose edits reach peers within 1 s (p99) with nothing lost; with the CPU of each
kind of process, to name the first bottleneck.

    .venv/bin/python -m bench.capacity [--workers 1,2] [--sizes 25,50,100] [--json F]

Needs what bench/public_pages.py and bench/conference.py need (PostgreSQL, Redis, nginx) and reuses
their databases, deployments and measurements:

1. readers: the demo's minutes page through nginx, cached and uncached, at each --concurrency
   (closed-loop connections); the figure is the most requests/s of a run with p99 within
   --p99-limit-ms and no errors;
2. conferences: --sizes groups x --participants, --typists typing at --rate, and the plenary wall,
   each on fresh groups and a freshly started deployment, smallest first; the first size that
   fails (edit-to-peer p99 over --edit-limit-ms, a delivery missing, a group not converged, a socket
   closed) ends the series for that number of workers, as larger ones would fail too.

Prints markdown tables: the capacity per number of workers, then every run with its CPU per kind.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from . import conference, public_pages
from .conference import Conference, Timing, add_conference_arguments
from .deployment import Running, say, stop_on_signals

KINDS = {"workers": "workers", "postgres": "PostgreSQL", "redis": "Redis", "nginx": "nginx",
         "load_generator": "load generator"}
MACHINE_FULL = 90  # % of every core busy: the machine itself is the limit, whoever uses most of it


# --- readers ------------------------------------------------------------------------------------


def measure_readers(path: str, workers: int, args) -> list[dict]:
    phases = [phase for phase in public_pages.PHASES if phase.page and phase.nginx]

    def sweep(phase: public_pages.Phase, urls: list[str], running: Running) -> list[dict]:
        runs = []
        for concurrency in args.concurrency:
            result = public_pages.measure(phase.label, urls, running, concurrency=concurrency,
                                          duration=args.page_duration, warmup=args.page_warmup)
            holds = result["errors"] == 0 and within(result["latency_ms"]["p99"], args.p99_limit_ms)
            result.update(workers=workers, cache=phase.cache, holds=holds)
            runs.append(result)
        return runs

    return public_pages.run_phases(phases, path, workers, sweep)


def best_readers(runs: list[dict], cache: bool) -> dict | None:
    held = [run for run in runs if run["cache"] == cache and run["holds"]]
    return max(held, key=lambda run: run["requests_per_s"], default=None)


def busiest_readers(runs: list[dict], cache: bool) -> dict | None:
    """The run that drew the most out of the deployment: where to read its bottleneck."""
    same_cache = [run for run in runs if run["cache"] == cache]
    return max(same_cache, key=lambda run: run["requests_per_s"], default=None)


# --- conferences --------------------------------------------------------------------------------


def measure_conferences(workers: int, args) -> list[dict]:
    timing = Timing(args.duration, args.warmup, args.settle)
    runs = []
    for groups in sorted(args.sizes):
        size = Conference(groups, args.participants, args.typists, args.rate)
        label = f"w{workers}-g{groups}"
        report = conference.run(size, timing, workers=workers, direct=args.direct, label=label)
        report["holds"] = conference_holds(report["figures"], args.edit_limit_ms)
        say(f"capacity: {size} on {workers} worker(s): {'holds' if report['holds'] else 'does not hold'}")
        runs.append(report)
        if not report["holds"]:
            break
    return runs


def conference_holds(figures: dict, limit_ms: float) -> bool:
    done, total = figures["converged_at_end"].split("/")
    return (within(figures["edit_to_peer_ms"]["p99"], limit_ms) and figures["delivered_share"] == 1.0
            and done == total and figures["sockets_closed_by_server"] == 0)


def within(value: float | None, limit: float) -> bool:
    return value is not None and value <= limit


# --- bottleneck ---------------------------------------------------------------------------------


def ceilings(workers: int) -> dict[str, int]:
    """How much CPU, in % of one core, each kind can use at most: a worker is one Python process
    (one core, the GIL), as are Redis and the load generator; PostgreSQL (a process per connection)
    and nginx (`worker_processes auto`) can use every core."""
    cores = os.cpu_count() or 1
    return {"workers": 100 * workers, "postgres": 100 * cores, "redis": 100, "nginx": 100 * cores,
            "load_generator": 100}


def bottleneck(cpu: dict[str, float], machine: float, workers: int) -> str:
    shares = {kind: cpu.get(kind, 0.0) / ceiling for kind, ceiling in ceilings(workers).items()}
    kind = max(shares, key=shares.get)
    text = f"{KINDS[kind]} ({shares[kind]:.0%} of its {ceilings(workers)[kind] // 100} core(s))"
    return f"cores full ({machine:.0f} % busy); most: {text}" if machine >= MACHINE_FULL else text


def reader_bottleneck(run: dict | None, workers: int) -> str:
    if run is None:
        return "-"
    cpu = run["cpu_percent"]
    return bottleneck(cpu, cpu.get("system", 0.0), workers)


def conference_bottleneck(runs: list[dict], workers: int) -> str:
    """Read at the first run that failed, or else the largest."""
    if not runs:
        return "-"
    failed = next((run for run in runs if not run["holds"]), None)
    figures = (failed or runs[-1])["figures"]
    text = bottleneck(figures["cpu_percent_of_one_core"], figures["machine_busy_percent"], workers)
    return text if failed else f"{text}, at the largest size (every size held)"


# --- the tables ---------------------------------------------------------------------------------


def capacity_row(workers: int, readers: list[dict], conferences: list[dict]) -> dict:
    largest = next((run for run in reversed(conferences) if run["holds"]), None)
    return {
        "workers": workers,
        "readers_cached": best_readers(readers, cache=True),
        "readers_uncached": best_readers(readers, cache=False),
        "largest_conference": largest,
        "bottleneck_cached": reader_bottleneck(busiest_readers(readers, cache=True), workers),
        "bottleneck_uncached": reader_bottleneck(busiest_readers(readers, cache=False), workers),
        "bottleneck_conference": conference_bottleneck(conferences, workers),
    }


def readers_cell(run: dict | None) -> str:
    if run is None:
        return "none within the limit"
    p99 = run["latency_ms"]["p99"]
    return f"**{run['requests_per_s']:.0f}** ({run['concurrency']} connections, p99 {p99} ms)"


def conference_cell(run: dict | None) -> str:
    if run is None:
        return "none of the sizes run"
    size, figures = run["conference"], run["figures"]
    return (f"**{size['groups']} groups** x {size['participants']} ({figures['sockets']} sockets; "
            f"p99 {figures['edit_to_peer_ms']['p99']} ms)")


def capacity_table(rows: list[dict], args) -> str:
    lines = [
        f"| workers | readers/s, cached (p99 ≤ {args.p99_limit_ms:g} ms) | readers/s, uncached | "
        f"largest conference (p99 ≤ {args.edit_limit_ms:g} ms, nothing lost) | first bottleneck: cached "
        "| uncached | conference |",
        "| ---: | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = [str(row["workers"]), readers_cell(row["readers_cached"]),
                 readers_cell(row["readers_uncached"]), conference_cell(row["largest_conference"]),
                 row["bottleneck_cached"], row["bottleneck_uncached"], row["bottleneck_conference"]]
        lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines)


def runs_table(readers: list[dict], conferences: list[dict]) -> str:
    kinds = " | ".join(KINDS.values())
    lines = [f"| workers | load | result | holds | {kinds} | machine |",
             "| ---: | --- | --- | --- |" + " ---: |" * (len(KINDS) + 1)]
    for run in readers:
        load = f"minutes page, {'cached' if run['cache'] else 'uncached'}, {run['concurrency']} connections"
        result = (f"{run['requests_per_s']} req/s, p99 {run['latency_ms']['p99']} ms, "
                  f"{run['errors']} errors")
        lines.append(run_line(run["workers"], load, result, run["holds"], run["cpu_percent"],
                              run["cpu_percent"].get("system", 0.0)))
    for run in conferences:
        figures, size = run["figures"], Conference(**run["conference"])
        edit, share = figures["edit_to_peer_ms"], figures["delivered_share"]
        result = (f"p50 {edit['p50']} / p99 {edit['p99']} ms, wall p95 {figures['wall_p95_ms']} ms, "
                  f"delivered {'-' if share is None else f'{share:.2%}'}, "
                  f"converged {figures['converged_at_end']}, {figures['updates_per_s']} updates/s")
        lines.append(run_line(run["workers"], f"conference {size}", result, run["holds"],
                              figures["cpu_percent_of_one_core"], figures["machine_busy_percent"]))
    return "\n".join(lines)


def run_line(workers: int, load: str, result: str, holds: bool, cpu: dict, machine: float) -> str:
    used = " | ".join(f"{cpu.get(kind, 0.0):.0f} %" for kind in KINDS)
    return f"| {workers} | {load} | {result} | {'yes' if holds else '**no**'} | {used} | {machine:.0f} % |"


def report_markdown(report: dict, args) -> str:
    return "\n".join([
        f"## Capacity of this machine ({report['cpus']} cores)",
        "",
        capacity_table(report["capacity"], args),
        "",
        "## Every run (CPU in % of one core; machine: 100 % = every core busy)",
        "",
        runs_table(report["readers"], report["conferences"]),
    ])


# --- running ------------------------------------------------------------------------------------


def run(args) -> dict:
    say("capacity: the demo for the readers")
    path, _ = public_pages.prepare()
    conference.prepare()
    readers, conferences, rows = [], [], []
    for workers in args.workers:
        worker_readers = measure_readers(path, workers, args)
        worker_conferences = measure_conferences(workers, args)
        rows.append(capacity_row(workers, worker_readers, worker_conferences))
        readers += worker_readers
        conferences += worker_conferences
    settings = {key: value for key, value in vars(args).items() if key != "json"}
    return {"cpus": os.cpu_count(), "settings": settings, "capacity": rows, "readers": readers,
            "conferences": conferences}


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.capacity", description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=numbers, default=[1, 2], help="worker counts, e.g. 1,2")
    readers = parser.add_argument_group("readers (the public minutes page)")
    readers.add_argument("--concurrency", type=numbers, default=[8, 32, 128], help="e.g. 8,32,128")
    readers.add_argument("--p99-limit-ms", type=float, default=500.0)
    readers.add_argument("--page-duration", type=float, default=10.0, help="measured seconds per run")
    readers.add_argument("--page-warmup", type=float, default=2.0)
    notes = parser.add_argument_group("conferences (live notes)")
    notes.add_argument("--sizes", type=numbers, default=[25, 50, 100], help="groups, e.g. 25,50,100")
    notes.add_argument("--edit-limit-ms", type=float, default=1000.0, help="edit-to-peer p99 limit")
    add_conference_arguments(notes)
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    stop_on_signals()
    try:
        report = run(args)
    except KeyboardInterrupt:
        raise SystemExit("interrupted; the deployment is stopped") from None
    print(report_markdown(report, args))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

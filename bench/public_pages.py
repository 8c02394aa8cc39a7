"""Public pages under load: the demo's minutes page, cached and uncached, against a static file of the
same size, served by one deployment (`deploy/serve`: uvicorn workers behind nginx) in one run.

    .venv/bin/python -m bench.public_pages [--workers 2] [--concurrency 32] [--duration 15] [--json F]

Needs PostgreSQL and Redis on 127.0.0.1 (as `.ci/run` starts them) and nginx. It (re)creates the
database `sakrad_bench_pages`, migrates it, loads the demo, then measures, each for --duration
seconds after a warm-up, through nginx and straight from the workers:

1. the static file (nginx from disk; WhiteNoise in the workers);
2. the minutes page from the public cache;
3. the minutes page rendered for every request (the deployment restarted with the cache off).

Every request asks for gzip, as browsers do. The load generator runs on the same machine.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .deployment import ROOT, Deployment, Running, stop_on_signals
from .http_load import load

PAGES = Deployment("pages", database="sakrad_bench_pages", redis_db=3, nginx_port=8700, worker_port=8701)
STATIC_NAME = "bench/same-size-as-minutes.html"


@dataclass(frozen=True)
class Phase:
    label: str
    cache: bool  # the public page cache on in the deployment
    page: bool  # the minutes page, or else the static file of its size
    nginx: bool  # through nginx, or else straight to the workers


PHASES = [
    Phase("static file, nginx", cache=True, page=False, nginx=True),
    Phase("static file, workers (WhiteNoise)", cache=True, page=False, nginx=False),
    Phase("minutes page, cached, through nginx", cache=True, page=True, nginx=True),
    Phase("minutes page, cached, workers", cache=True, page=True, nginx=False),
    Phase("minutes page, uncached, through nginx", cache=False, page=True, nginx=True),
    Phase("minutes page, uncached, workers", cache=False, page=True, nginx=False),
]


def prepare() -> tuple[str, bytes]:
    """A fresh database with the demo; the minutes page's path and its HTML (uncompressed)."""
    PAGES.recreate_database()
    PAGES.manage("migrate", "--no-input")
    PAGES.manage("seed_demo")
    script = (
        "from django.test import Client; from minutes.models import MinutesPage; "
        "page = MinutesPage.objects.live().public().order_by('-first_published_at').first(); "
        "print(page.url, Client().get(page.url).content.hex())"
    )
    path, html = PAGES.manage("shell", "-c", script).splitlines()[-1].split()
    return path, bytes.fromhex(html)


def write_static_file(html: bytes) -> None:
    """The page itself as a file in the collected static files, where nginx and WhiteNoise find it:
    the same size, and it compresses the same."""
    target = ROOT / "staticfiles" / STATIC_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(html)
    # As collectstatic leaves one beside every static file, for nginx's gzip_static.
    target.with_name(target.name + ".gz").write_bytes(gzip.compress(html, compresslevel=9))


def phase_urls(phase: Phase, path: str, workers: int) -> list[str]:
    bases = [PAGES.nginx_url()] if phase.nginx else PAGES.worker_urls(workers)
    target = path if phase.page else f"/static/{STATIC_NAME}"
    return [base + target for base in bases]


def run_phases(phases: list[Phase], path: str, workers: int,
               measure_phase: Callable[[Phase, list[str], Running], list[dict]]) -> list[dict]:
    """Each phase on a deployment with its cache setting, restarted only when that changes."""
    results = []
    for cache, same_cache in itertools.groupby(phases, key=lambda phase: phase.cache):
        with PAGES.serve(workers, cache=cache) as running:
            for phase in same_cache:
                results.extend(measure_phase(phase, phase_urls(phase, path, workers), running))
    return results


def measure(label: str, urls: list[str], running: Running, *, concurrency: int, duration: float,
            warmup: float) -> dict:
    """One load on the URLs, with the CPU of every kind of process of the deployment."""
    result = load(urls, concurrency, duration, warmup=warmup, pids=running.workers,
                  watch=running.watched()).summary()
    result["label"] = label
    print(f"{label:<44} c={concurrency:<4} {result['requests_per_s']:>8} req/s  "
          f"p50 {result['latency_ms']['p50']:>7} ms  p99 {result['latency_ms']['p99']:>7} ms  "
          f"errors {result['errors']}", file=sys.stderr)
    return result


def run(args) -> dict:
    path, html = prepare()
    write_static_file(html)

    def measure_phase(phase: Phase, urls: list[str], running: Running) -> list[dict]:
        return [measure(phase.label, urls, running, concurrency=args.concurrency, duration=args.duration,
                        warmup=args.warmup)]

    results = run_phases(PHASES, path, args.workers, measure_phase)
    return {"page": path, "page_bytes": len(html), "workers": args.workers, "concurrency": args.concurrency,
            "duration_s": args.duration, "cpus": os.cpu_count(), "results": results}


def main(argv: list[str] | None = None) -> None:
    summary = __doc__.split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.public_pages", description=summary)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    stop_on_signals()
    report = run(args)
    text = json.dumps(report, indent=2)
    if args.json:
        args.json.write_text(text)
    print(text)


if __name__ == "__main__":
    main()

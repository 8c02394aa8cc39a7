"""How long PostgreSQL takes to commit one small write on this machine: the floor under a live-notes
keystroke, which is relayed only once its log append has committed (docs/benchmarks.md).

    .venv/bin/python -m bench.commit_latency [--threads 1,8] [--commits 2000] [--database-url URL]

Each thread commits one-row INSERTs into a temporary table, one after another, with the server's own
synchronous_commit (on by default: the commit waits for the WAL to reach the disk). Eight threads
are the notes' database threads of two workers (notes/db.py). Prints p50/p95/p99/max per thread count.
"""

from __future__ import annotations

import argparse
import threading
import time

import psycopg

from .notes_load import percentiles


def commit_times(url: str, commits: int) -> list[int]:
    times = []
    with psycopg.connect(url) as connection:
        connection.execute("CREATE TEMPORARY TABLE flush (data bytea)")
        connection.commit()
        for _ in range(commits):
            started = time.perf_counter_ns()
            connection.execute("INSERT INTO flush VALUES (%s)", [b"x" * 40])
            connection.commit()
            times.append(time.perf_counter_ns() - started)
    return times


def measure(url: str, threads: int, commits: int) -> dict:
    results: list[list[int]] = [[] for _ in range(threads)]

    def run(index: int) -> None:
        results[index] = commit_times(url, commits)

    workers = [threading.Thread(target=run, args=(index,)) for index in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    figures = percentiles([value for times in results for value in times])
    figures["commits_per_s"] = round(figures["count"] / elapsed)
    return figures


def main(argv: list[str] | None = None) -> None:
    summary = __doc__.split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.commit_latency", description=summary)
    parser.add_argument("--threads", default="1,8", help="thread counts, e.g. 1,8")
    parser.add_argument("--commits", type=int, default=2000, help="commits per thread")
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args(argv)
    with psycopg.connect(args.database_url) as connection:
        setting = connection.execute("SHOW synchronous_commit").fetchone()[0]
    print(f"synchronous_commit = {setting}")
    for threads in (int(value) for value in args.threads.split(",")):
        print(f"{threads} thread(s): {measure(args.database_url, threads, args.commits)}")


if __name__ == "__main__":
    main()

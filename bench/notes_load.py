"""Load on the live-notes websocket of a RUNNING server: N groups x M connected clients, T of them typing.

    python -m bench.notes_load setup --groups 50 --members 10
    python -m bench.notes_load run --url ws://127.0.0.1:8741 \\
        --url ws://127.0.0.1:8742 --groups 50 --clients 10 --typists 2 --duration 60 --pids 123,456

Reports edit-to-peer propagation (p50/p99), updates per second, the CPU of the given worker PIDs,
PostgreSQL and Redis, and the workers' memory per connection. `--wall` adds the plenary wall: a staff
client with one read-only socket per group, timing takeaway flags. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from notes.wire import state_vector_read as state_vector

from .client import BenchClient, Stats
from .procstat import cpu_percent, cpu_sample, rss_bytes

# Session cookies log people in: kept out of the work tree, where they could be committed.
SESSIONS = Path(tempfile.gettempdir()) / "sakrad-bench" / "sessions.json"
CONNECT_CONCURRENCY = 20  # sockets opened at once: a crowd arriving, not one burst of 500
DRAIN_SECONDS = 3.0  # after the last keystroke, for edits still on their way (late ones count)
PERCENTILES = {"p50": 0.50, "p95": 0.95, "p99": 0.99, "max": 1.0}


@dataclass
class Group:
    id: int
    clients: list[BenchClient]
    wall: BenchClient | None = None

    @property
    def sockets(self) -> list[BenchClient]:
        return [*self.clients, *([self.wall] if self.wall else [])]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.notes_load", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    setup = commands.add_parser("setup", help="create groups, members and sessions (needs Django env)")
    setup.add_argument("--groups", type=int, default=50)
    setup.add_argument("--members", type=int, default=10)
    setup.add_argument("--label", default=time.strftime("%Y%m%d%H%M%S"))
    setup.add_argument("--out", type=Path, default=SESSIONS)
    run = commands.add_parser("run", help="drive the load and report")
    run.add_argument("--sessions", type=Path, default=SESSIONS)
    run.add_argument("--url", action="append", help="a worker's ws:// base URL; repeat for several")
    run.add_argument("--groups", type=int, default=50)
    run.add_argument("--clients", type=int, default=10, help="connected clients per group")
    run.add_argument("--typists", type=int, default=2, help="clients per group that type")
    run.add_argument("--rate", type=float, default=3.0, help="keystrokes (updates) per second per typist")
    run.add_argument("--duration", type=float, default=60.0, help="measured seconds")
    run.add_argument("--warmup", type=float, default=5.0, help="typing seconds before measuring")
    run.add_argument("--wall", action="store_true", help="time takeaway flags on a plenary wall client")
    run.add_argument("--takeaway-every", type=float, default=2.0, help="seconds between one group's flags")
    run.add_argument("--pids", default="", help="comma-separated PIDs of the server's worker processes")
    run.add_argument("--watch", action="append", default=[], metavar="KIND=PIDS",
                     help="more processes whose CPU to report, e.g. nginx=12,13; repeatable")
    run.add_argument("--settle", type=float, default=30.0, help="at most this long to wait for convergence")
    run.add_argument("--json", type=Path, help="also write the results here")
    run.add_argument("--seed", type=int, default=1)
    return parser.parse_args(argv)


# --- connecting ---------------------------------------------------------------------------------


def build_groups(args, sessions: dict, stats: Stats) -> list[Group]:
    if len(sessions["groups"]) < args.groups:
        raise SystemExit(f"the sessions file has {len(sessions['groups'])} groups, not {args.groups}")
    name = sessions["cookie_name"]
    groups = []
    for spec in sessions["groups"][: args.groups]:
        if len(spec["members"]) < args.clients:
            raise SystemExit(f"group {spec['id']} has {len(spec['members'])} members, not {args.clients}")
        clients = [BenchClient(f"{name}={cookie}", stats) for cookie in spec["members"][: args.clients]]
        wall = BenchClient(f"{name}={sessions['staff']}", stats, wall=True) if args.wall else None
        groups.append(Group(spec["id"], clients, wall))
    return groups


async def connect_all(groups: list[Group], urls: list[str]) -> None:
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    pending = []
    for number, group in enumerate(groups):
        # Each group spread over the workers, as a load balancer would: peers meet through Redis.
        for index, client in enumerate(group.sockets):
            pending.append(open_one(gate, client, urls[(number + index) % len(urls)], group.id))
    await asyncio.gather(*pending)


async def open_one(gate: asyncio.Semaphore, client: BenchClient, url: str, group_id: int) -> None:
    async with gate:
        await client.connect(url, group_id)
        await asyncio.wait_for(client.synced.wait(), 60)


async def warm_up(urls: list[str], cookie_header: str, group_id: int) -> None:
    """One socket per worker, opened and closed: what a first connection loads once (imports, the
    database connection, the thread pool) is not memory per connection."""
    for url in urls:
        client = BenchClient(cookie_header, Stats())
        await open_one(asyncio.Semaphore(1), client, url, group_id)
        await client.close()
    await asyncio.sleep(0.5)


async def close_all(groups: list[Group]) -> None:
    await asyncio.gather(*(client.close() for group in groups for client in group.sockets))


# --- typing -------------------------------------------------------------------------------------


async def typist(client: BenchClient, point_id: str, rate: float, until: float, rng: random.Random) -> None:
    """Keystrokes at `rate` per second on average (uniform jitter); a late loop skips, never bursts."""
    loop = asyncio.get_running_loop()
    point = client.point(point_id)
    due = loop.time() + rng.uniform(0, 1 / rate)
    while due < until:
        await asyncio.sleep(max(0.0, due - loop.time()))
        await client.keystroke(point)
        due = max(due + rng.uniform(0.5, 1.5) / rate, loop.time())


async def flagger(client: BenchClient, point_id: str, every: float, until: float, rng: random.Random) -> None:
    """Someone in the group flags (and unflags) a point as a takeaway now and then."""
    loop = asyncio.get_running_loop()
    point = client.point(point_id)
    await asyncio.sleep(rng.uniform(0, every))
    while loop.time() < until:
        await client.toggle_takeaway(point, wall_watching=True)
        await asyncio.sleep(every * rng.uniform(0.8, 1.2))


def point_id(group: Group, index: int) -> str:
    return f"bench-{group.id}-{index}"


async def add_points(groups: list[Group], typists: int) -> None:
    for group in groups:
        for index, client in enumerate(group.clients[:typists]):
            await client.add_point(point_id(group, index), question=1 + index % 3)
    await asyncio.sleep(2)  # peers receive the new points before the keystrokes into them


def start_typing(groups: list[Group], args, until: float) -> list[asyncio.Task]:
    seeds = random.Random(args.seed)
    tasks = []
    for group in groups:
        for index, client in enumerate(group.clients[: args.typists]):
            rng = random.Random(seeds.random())
            tasks.append(asyncio.create_task(typist(client, point_id(group, index), args.rate, until, rng)))
        if group.wall and args.typists:
            rng = random.Random(seeds.random())
            flags = flagger(group.clients[0], point_id(group, 0), args.takeaway_every, until, rng)
            tasks.append(asyncio.create_task(flags))
    return tasks


# --- measuring ----------------------------------------------------------------------------------


def percentiles(values: list[int]) -> dict:
    ordered = sorted(values)
    result = {"count": len(ordered)}
    for name, share in PERCENTILES.items():
        value = ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else None
        result[name] = None if value is None else round(value / 1e6, 1)  # ns -> ms
    return result


def worker_rss(pids: list[int]) -> int:
    return sum(rss_bytes(pid) or 0 for pid in pids)


def mb(value: int) -> float:
    return round(value / 2**20, 1)


def converged_groups(groups: list[Group]) -> int:
    """Groups whose clients all hold the same state: the run was correct, not only fast. Compared
    decoded: the encoded state vector lists clients in no fixed order."""
    return sum(
        len({frozenset(state_vector(client.doc.get_state()).items()) for client in group.clients}) == 1
        for group in groups
    )


async def settle(groups: list[Group], timeout: float) -> dict:
    """How long after the drain every group converges: a slow server catches up, a lossy one never."""
    started = time.monotonic()
    after_drain = converged_groups(groups)
    while converged_groups(groups) < len(groups) and time.monotonic() - started < timeout:
        await asyncio.sleep(0.5)
    done = converged_groups(groups)
    return {
        "converged_after_drain": f"{after_drain}/{len(groups)}",
        "converged_at_end": f"{done}/{len(groups)}",
        "seconds_to_converge": round(time.monotonic() - started, 1) if done == len(groups) else None,
    }


async def type_and_measure(groups: list[Group], args, stats: Stats, watched: dict) -> dict:
    """Typing for warmup + duration; CPU and stats cover the duration only."""
    loop = asyncio.get_running_loop()
    until = loop.time() + args.warmup + args.duration
    tasks = start_typing(groups, args, until)
    await asyncio.sleep(args.warmup)
    opened = time.time_ns()
    stats.window = (opened, opened + int(args.duration * 1e9))
    sent_before, cpu_before = stats.sent, cpu_sample(watched)
    await asyncio.gather(*tasks)
    await asyncio.sleep(max(0.0, until - loop.time()))  # with no typists: idle sockets for the duration
    cpu = cpu_percent(cpu_before, cpu_sample(watched), args.duration)
    sent, closed = stats.sent - sent_before, stats.closed
    await asyncio.sleep(DRAIN_SECONDS)
    expected = sent * (args.clients - 1)
    return {
        "updates_sent_per_s": round(sent / args.duration, 1),
        "deliveries_per_s": round(len(stats.propagation) / args.duration, 1),
        "delivered_share": round(len(stats.propagation) / expected, 4) if expected else None,
        "propagation_ms": percentiles(stats.propagation),
        "takeaway_to_wall_ms": {**percentiles(stats.takeaway), "unmatched": stats.takeaway_unmatched}
        if args.wall
        else None,
        "cpu_percent_of_one_core": {name: round(value, 1) for name, value in cpu.items() if name != "system"},
        "machine_cpu_busy_percent": round(cpu["system"], 1),
        "sockets_closed_by_server": closed,
    }


async def measure(args, sessions: dict) -> dict:
    pids = [int(pid) for pid in args.pids.split(",") if pid]
    watched = {
        "workers": pids,
        "postgres": "postgres",
        "redis": "redis-server",
        "load_generator": [os.getpid()],
        **{kind: [int(pid) for pid in pids.split(",") if pid]
           for kind, pids in (watch.split("=", 1) for watch in args.watch)},
    }
    stats = Stats()
    groups = build_groups(args, sessions, stats)
    sockets = sum(len(group.sockets) for group in groups)
    await warm_up(args.url, groups[0].clients[0].cookie_header, groups[0].id)
    rss_idle, started = worker_rss(pids), time.monotonic()
    await connect_all(groups, args.url)
    connect_seconds = time.monotonic() - started
    await add_points(groups, args.typists)
    rss_connected = worker_rss(pids)
    result = {"config": {key: str(value) for key, value in vars(args).items() if key not in {"command"}}}
    result.update(await type_and_measure(groups, args, stats, watched))
    rss_end = worker_rss(pids)
    result.update(await settle(groups, args.settle))
    result.update(
        sockets=sockets,
        connect_seconds=round(connect_seconds, 1),
        permessage_deflate=all(client.compressed for group in groups for client in group.sockets),
        worker_rss_mb={"idle": mb(rss_idle), "connected": mb(rss_connected), "end": mb(rss_end)},
        worker_rss_per_socket_kb={
            "connected": round((rss_connected - rss_idle) / sockets / 1024, 1) if pids else None,
            "end": round((rss_end - rss_idle) / sockets / 1024, 1) if pids else None,
        },
    )
    await close_all(groups)
    return result


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "setup":
        from .fixtures import setup

        data = setup(label=args.label, groups=args.groups, members=args.members, out=args.out)
        print(f"{len(data['groups'])} groups x {args.members} members; sessions written to {args.out}")
        return
    if not args.url:
        raise SystemExit("give --url for each worker, e.g. --url ws://127.0.0.1:8741")
    if args.typists > args.clients:
        raise SystemExit("--typists cannot exceed --clients")
    result = asyncio.run(measure(args, json.loads(args.sessions.read_text())))
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()

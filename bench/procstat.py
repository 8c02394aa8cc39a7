"""CPU and memory of processes from /proc (Linux), without extra dependencies.

CPU is counted in core-seconds (utime + stime); 100 % means one core busy for the whole window.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def cpu_seconds(pid: int) -> float | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_bytes(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except OSError:
        return None


def pids_named(name: str) -> list[int]:
    """Every process whose command name is `name` (postgres forks one per connection)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def system_busy() -> tuple[float, float]:
    """(busy, total) jiffies of all cores since boot."""
    values = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # without guest time, already counted in user
    return total - idle, total


@dataclass
class CpuSample:
    processes: dict[str, dict[int, float]]  # label -> pid -> core-seconds
    system: tuple[float, float]


def cpu_sample(groups: dict[str, list[int] | str]) -> CpuSample:
    """groups: label -> fixed pids, or a command name looked up afresh each time."""
    processes = {}
    for label, who in groups.items():
        pids = pids_named(who) if isinstance(who, str) else who
        processes[label] = {pid: seconds for pid in pids if (seconds := cpu_seconds(pid)) is not None}
    return CpuSample(processes, system_busy())


def cpu_percent(before: CpuSample, after: CpuSample, seconds: float) -> dict[str, float]:
    """Per label, the share of one core used between two samples; a process that started in between
    counts from zero. "system" is the whole machine, where 100 % is every core busy."""
    result = {}
    for label, now in after.processes.items():
        then = before.processes.get(label, {})
        used = sum(value - then.get(pid, 0.0) for pid, value in now.items())
        result[label] = 100 * used / seconds
    busy = after.system[0] - before.system[0]
    total = after.system[1] - before.system[1]
    result["system"] = 100 * busy / total if total else 0.0
    return result


def command_name(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return None


def descendants(root: int) -> list[int]:
    """Every process below `root` (children, their children, ...): what a start script left running."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat[stat.rindex(")") + 2 :].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found

"""The real deployment under a benchmark: a database of its own, and `deploy/serve` (uvicorn workers,
nginx in front, production settings, Redis cache and channel layer) started and, whatever happens,
stopped again.

Shared by bench/public_pages.py, bench/conference.py and bench/capacity.py. Each names its own
database, Redis database and ports, so one benchmark never reads another's data. Redis pub/sub (the
channel layer) ignores database numbers, though: nothing else should use the same Redis meanwhile.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .procstat import command_name, descendants

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python")
READY_SECONDS = 120  # migrate and collectstatic run first
STOP_SECONDS = 30  # uvicorn closes its sockets within 10 s of a stop (--timeout-graceful-shutdown)


@dataclass(frozen=True)
class Running:
    """The processes of a started deployment, for CPU and memory readings."""

    workers: list[int]
    nginx: list[int]  # the master and its worker processes

    def watched(self) -> dict[str, list[int] | str]:
        """Process kinds whose CPU a benchmark reports; PostgreSQL and Redis by name, as they are
        the machine's own servers (forked per connection, in PostgreSQL's case)."""
        return {"workers": self.workers, "nginx": self.nginx, "postgres": "postgres", "redis": "redis-server"}


@dataclass(frozen=True)
class Deployment:
    name: str  # names the log file of the processes' output too
    database: str
    redis_db: int
    nginx_port: int
    worker_port: int  # the first worker's; the others count up from it

    @property
    def log(self) -> Path:
        return Path(tempfile.gettempdir(), f"sakrad-bench-{self.name}.log")

    def environment(self, cache: bool = True) -> dict[str, str]:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "sakrad.settings.production",
            "DJANGO_SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:6379/{self.redis_db}",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            # Production refuses to start without it (every absolute link starts with it).
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.nginx_port}",
            "SAKRAD_PUBLIC_CACHE": "true" if cache else "false",
            # "Uncached" means nobody keeps the page: neither the app nor nginx's micro-cache.
            "SAKRAD_PROXY_CACHE_SECONDS": "1" if cache else "0",
        }

    def manage(self, *args: str, cache: bool = True) -> str:
        return self.python("manage.py", *args, cache=cache)

    def python(self, *args: str, cache: bool = True) -> str:
        """The project's Python in this deployment's environment (a manage.py command, a setup step)."""
        result = subprocess.run([PYTHON, *args], cwd=ROOT, env=self.environment(cache),  # noqa: S603
                                capture_output=True, text=True)
        if result.returncode:
            raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout.strip()

    def recreate_database(self) -> None:
        """An empty database, and an empty Redis database for its cache."""
        for command in (["dropdb", "--if-exists"], ["createdb"]):
            subprocess.run([*command, "-h", "127.0.0.1", "-U", "postgres", self.database], check=True)  # noqa: S603
        subprocess.run(["redis-cli", "-n", str(self.redis_db), "flushdb"], check=True, capture_output=True)  # noqa: S603, S607

    def nginx_url(self, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.nginx_port}"

    def worker_urls(self, workers: int, scheme: str = "http") -> list[str]:
        return [f"{scheme}://127.0.0.1:{self.worker_port + index}" for index in range(workers)]

    def ports(self, workers: int) -> list[int]:
        return [self.nginx_port, *(self.worker_port + index for index in range(workers))]

    @contextmanager
    def serve(self, workers: int, cache: bool = True) -> Iterator[Running]:
        """deploy/serve with SERVE_NGINX=1 until the block ends, by error and Ctrl-C too."""
        refuse_busy_ports(self.ports(workers))
        raise_open_files_limit()
        say(f"{self.name}: starting {workers} worker(s) and nginx, page cache {'on' if cache else 'off'}")
        run_dir = Path(tempfile.gettempdir(), f"sakrad-bench-{self.name}")
        # nginx's micro-cache lives on disk: a run must not start with the last run's pages.
        shutil.rmtree(run_dir / "nginx" / "temp" / "pages", ignore_errors=True)
        # No job worker: the benchmarks send no mail, and its process would be counted as a web worker.
        env = {**self.environment(cache), "SERVE_WORKERS": str(workers), "SERVE_NGINX": "1",
               "SERVE_PORT": str(self.nginx_port), "SERVE_WORKER_PORT": str(self.worker_port),
               "SERVE_RUN_DIR": str(run_dir), "SERVE_JOBS_WORKER": "0"}
        log = open(self.log, "a")  # noqa: SIM115 - closed with the deployment
        process = subprocess.Popen([str(ROOT / "deploy/serve")], cwd=ROOT, env=env, start_new_session=True,  # noqa: S603
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            # The workers first: nginx takes a worker it could not reach out of rotation for a while.
            for url in self.worker_urls(workers):
                wait_until_ready(f"{url}/readyz", process, self.log)
            wait_until_ready(f"{self.nginx_url()}/readyz", process, self.log)
            say(f"{self.name}: ready on {self.nginx_url()} (workers from port {self.worker_port})")
            yield started(process.pid, workers)
        finally:
            stop(process)
            log.close()
            say(f"{self.name}: stopped")


def started(serve_pid: int, workers: int) -> Running:
    """deploy/serve's children are the uvicorn workers and the nginx master, whose children are
    nginx's worker processes."""
    below = {pid: command_name(pid) for pid in descendants(serve_pid)}
    nginx = [pid for pid, name in below.items() if name == "nginx"]
    found = [pid for pid, name in below.items() if name not in {None, "nginx"}]
    if len(found) != workers:
        raise SystemExit(f"expected {workers} workers under deploy/serve, found {found}")
    return Running(workers=found, nginx=nginx)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to deploy/serve, which passes it on to each worker and nginx once; whatever of it is
    still there after STOP_SECONDS is killed."""
    left = {pid: command_name(pid) for pid in descendants(process.pid)}
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=STOP_SECONDS)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    for pid, name in left.items():
        if name is not None and command_name(pid) == name:  # the same process, not a reused PID
            try:
                os.kill(pid, signal.SIGKILL)
                print(f"deployment: killed {pid} ({name}), still running after the stop", file=sys.stderr)
            except ProcessLookupError:
                pass


def raise_open_files_limit() -> None:
    """Every socket is a file: a conference holds ~900 in the load generator, as many in the workers and
    twice as many in nginx, over the usual soft limit of 1,024. The children inherit the raised limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65536 if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def refuse_busy_ports(ports: list[int]) -> None:
    """A server left on one of our ports (another run's) would answer for ours and be measured."""
    for port in ports:
        with socket.socket() as probe:
            probe.settimeout(1)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise SystemExit(f"something already listens on 127.0.0.1:{port}; stop it first")


def wait_until_ready(url: str, process: subprocess.Popen | None = None, log: Path | None = None,
                     timeout: float = READY_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = log.read_text()[-3000:] if log else ""
            raise SystemExit(f"deploy/serve exited ({process.returncode}) before {url} was ready:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - our own local server
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the deployment did not become ready: {url} (its output: {log})")


def say(message: str) -> None:
    """Progress, on stderr: a full run takes a while, and stdout is the report."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def stop_on_signals() -> None:
    """`kill` or a closed terminal stops the benchmark like Ctrl-C does: by an exception, so the
    `finally` of serve() stops the deployment on the way out."""
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda received, frame: sys.exit(128 + received))

"""The nginx config of deploy/ (rendered by deploy/nginx.py) is valid nginx, and in front of a stand-in
worker it does what docs/deployment.md says: static files from disk with the right cache headers,
documents never from disk, the request id and forwarding headers to the app, websocket upgrades, the
upload limit."""

import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from deploy.nginx import Site, render
from tests.browser.chromium import in_ci

HASHED_CSS = "css/site.0123456789ab.css"
CSS = "body { color: #1d1d1b; }\n" * 100  # over gzip_min_length


def nginx() -> str:
    found = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if found:
        return found
    if in_ci():
        pytest.fail("nginx is missing in CI, where .ci/run installs it")
    pytest.skip("nginx is not installed (apt-get install nginx-light): deploy/nginx.conf is not checked")


def nginx_test(conf: Path) -> subprocess.CompletedProcess:
    command = [nginx(), "-t", "-e", "stderr", "-p", str(conf.parent), "-c", str(conf)]
    return subprocess.run(command, capture_output=True, text=True, timeout=30)  # noqa: S603 - our config


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def public_dir():
    """STATIC_ROOT and MEDIA_ROOT, readable by nginx's workers (nobody, when the tests run as root)."""
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        root.chmod(0o755)
        files = {f"static/{HASHED_CSS}": CSS, "static/css/site.css": CSS,
                 "media/images/photo.fill-160x160.jpg": "jpeg", "media/documents/private.pdf": "%PDF"}
        for path, text in files.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
        for folder in root.rglob("*"):
            folder.chmod(0o755 if folder.is_dir() else 0o644)
        yield root


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sakrad.example.org")])
    now = dt.datetime.now(dt.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=1))
                   .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                       serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


def test_the_local_config_is_valid(tmp_path, public_dir):
    conf = render(Site(out=tmp_path / "nginx", workers=["127.0.0.1:8001", "127.0.0.1:8002"],
                       static_root=public_dir / "static", media_root=public_dir / "media"))
    result = nginx_test(conf)
    assert result.returncode == 0, result.stderr


def test_the_production_config_with_tls_is_valid(tmp_path, public_dir):
    certificate, key = self_signed(tmp_path)
    out = tmp_path / "nginx"
    # Where production writes its pid, logs and buffers (/run, /var/log/nginx, /var/lib/nginx) is
    # the package's business; here they go to the test's folder.
    machine = {"pid_file": f"{out}/nginx.pid", "error_log": "stderr", "access_log": f"{out}/access.log",
               "temp_dir": str(tmp_path)}
    conf = render(Site(out=out, workers=["127.0.0.1:8001"], static_root=public_dir / "static",
                       media_root=public_dir / "media", server_name="sakrad.example.org",
                       certificate=certificate, certificate_key=key, extra=machine))
    result = nginx_test(conf)
    assert result.returncode == 0, result.stderr
    assert "ssl_certificate" in (out / "production.conf").read_text()


class EchoWorker(BaseHTTPRequestHandler):
    """Stands in for a worker: answers with the method, path and headers it was sent, and how many
    requests it has had. Paths under /shared/ are marked for the proxy's micro-cache, as the app
    marks anonymous readers' published pages; paths under /slow/ take 0.3 s, as a fresh render does;
    paths under /gone/ are shared for a second until `taken_down`, then answer 404, as an unpublished
    page does."""

    served = 0
    taken_down = False
    in_flight = 0
    most_in_flight = 0
    counting = threading.Lock()

    def answer(self):
        with EchoWorker.counting:
            EchoWorker.served += 1
            EchoWorker.in_flight += 1
            EchoWorker.most_in_flight = max(EchoWorker.most_in_flight, EchoWorker.in_flight)
        try:
            if self.path.startswith("/slow/"):
                time.sleep(0.3)  # a page rendered afresh
            self.reply()
        finally:
            with EchoWorker.counting:
                EchoWorker.in_flight -= 1

    def reply(self):
        if self.path.startswith("/gone/") and EchoWorker.taken_down:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.dumps({"method": self.command, "path": self.path, "served": EchoWorker.served,
                           "worker": self.server.server_address[1],
                           "headers": {name.lower(): value for name, value in self.headers.items()}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if self.path.startswith("/gone/"):
            self.send_header("X-Accel-Expires", "1")
        if self.path.startswith("/shared/"):
            self.send_header("X-Accel-Expires", "30")
            self.send_header("Cache-Control", "public, no-cache")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(tmp_path, public_dir):
    """nginx from the local config on a free port, in front of two EchoWorkers; yields its port."""
    workers = [ThreadingHTTPServer(("127.0.0.1", 0), EchoWorker) for _ in range(2)]
    for worker in workers:
        threading.Thread(target=worker.serve_forever, daemon=True).start()
    port = free_port()
    # nginx's workers run as nobody when started by root: the micro-cache's folder must be theirs
    # to reach, which pytest's own temporary folders (mode 0700) are not.
    temp = Path(tempfile.mkdtemp(prefix="sakrad-nginx-"))
    temp.chmod(0o755)
    addresses = [f"127.0.0.1:{worker.server_port}" for worker in workers]
    conf = render(Site(out=tmp_path / "nginx", workers=addresses,
                       static_root=public_dir / "static", media_root=public_dir / "media",
                       listen=f"127.0.0.1:{port}", extra={"temp_dir": str(temp)}))
    log = (tmp_path / "nginx.log").open("w")
    command = [nginx(), "-e", "stderr", "-p", str(conf.parent), "-c", str(conf), "-g", "daemon off;"]
    process = subprocess.Popen(command, stdout=log, stderr=log)  # noqa: S603 - our config
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"nginx did not start: {(tmp_path / 'nginx.log').read_text()}")
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=15)
    for worker in workers:
        worker.shutdown()
    log.close()
    shutil.rmtree(temp, ignore_errors=True)


def exchange(port: int, request: str) -> tuple[str, dict[str, str], bytes]:
    """Sends one raw HTTP/1.1 request (closing the connection) and returns status line, headers, body."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request.replace("\n", "\r\n").encode())
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    fields = (line.partition(":") for line in lines)
    return status, {name.lower(): value.strip() for name, _, value in fields}, body


def get(port: int, path: str, *headers: str) -> tuple[str, dict[str, str], bytes]:
    extra = "".join(f"{header}\n" for header in headers)
    return exchange(port, f"GET {path} HTTP/1.1\nHost: 127.0.0.1:{port}\n{extra}Connection: close\n\n")


def test_hashed_static_files_are_cached_for_a_year_and_others_briefly(proxy):
    status, headers, body = get(proxy, f"/static/{HASHED_CSS}")
    assert status.endswith("200 OK") and body.decode() == CSS
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["x-content-type-options"] == "nosniff"
    status, headers, _ = get(proxy, "/static/css/site.css")
    assert status.endswith("200 OK")
    assert headers["cache-control"] == "public, max-age=300"


def test_static_text_is_compressed(proxy):
    _, headers, body = get(proxy, f"/static/{HASHED_CSS}", "Accept-Encoding: gzip")
    assert headers["content-encoding"] == "gzip"
    assert len(body) < len(CSS)


def test_image_renditions_come_from_disk_but_documents_go_through_the_app(proxy):
    status, _, body = get(proxy, "/media/images/photo.fill-160x160.jpg")
    assert status.endswith("200 OK") and body == b"jpeg"
    # A document's privacy is checked by Django: nginx must hand the request on, never the file.
    _, _, body = get(proxy, "/media/documents/private.pdf")
    assert json.loads(body)["path"] == "/media/documents/private.pdf"


def test_the_app_gets_a_request_id_and_the_forwarding_headers(proxy):
    _, _, body = get(proxy, "/sok/?q=skola", "X-Request-ID: chosen-by-the-client",
                     "X-Forwarded-For: 203.0.113.9")
    sent = json.loads(body)
    assert sent["path"] == "/sok/?q=skola"
    headers = sent["headers"]
    assert len(headers["x-request-id"]) == 32 and headers["x-request-id"] != "chosen-by-the-client"
    # The client's own entry stays first; the address nginx saw is appended last, for the app to trust.
    assert headers["x-forwarded-for"] == "203.0.113.9, 127.0.0.1"
    assert headers["x-forwarded-proto"] == "http"
    assert headers["host"] == f"127.0.0.1:{proxy}"


def test_the_micro_cache_keeps_only_what_the_app_marks(proxy):
    def served(path: str, *headers: str) -> tuple[int, dict]:
        _, fields, body = get(proxy, path, *headers)
        return json.loads(body)["served"], fields

    first, fields = served("/shared/protokoll/")
    assert served("/shared/protokoll/")[0] == first, "the second reader is answered by nginx"
    assert "x-accel-expires" not in fields, "the mark is for nginx, not for browsers"
    assert served("/shared/protokoll/", "Cookie: sessionid=abc")[0] > first, "a session goes to the app"
    private = served("/sok/?q=skola")[0]
    assert served("/sok/?q=skola")[0] > private, "unmarked answers are never kept"


def test_readers_of_a_page_nginx_may_not_keep_do_not_wait_for_each_other(proxy):
    """A page with a form is never kept, but nginx learns that only from the answer: a cache lock
    would pass its readers to the app one at a time, each waiting up to 5 s for the one before."""
    EchoWorker.most_in_flight = 0
    readers = [threading.Thread(target=get, args=(proxy, "/slow/inspel/")) for _ in range(6)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(timeout=30)
    assert EchoWorker.most_in_flight > 1, "nginx passed the readers of one page on one at a time"


def test_a_page_taken_down_is_gone_once_its_time_is_up(proxy):
    """The app's 404 (or login redirect) is not kept: nginx must pass it on, not keep serving the
    published copy while it asks the app again in the background."""
    EchoWorker.taken_down = False
    assert get(proxy, "/gone/protokoll/")[0].endswith("200 OK")
    EchoWorker.taken_down = True
    time.sleep(2.2)  # nginx counts whole seconds: kept "1 s" lasts to the end of the next second
    assert [get(proxy, "/gone/protokoll/")[0].split()[1] for _ in range(3)] == ["404"] * 3


def test_websocket_upgrades_reach_the_app(proxy):
    _, _, body = get(proxy, "/ws/notes/1/", "Upgrade: websocket", "Connection: Upgrade",
                     "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")
    headers = json.loads(body)["headers"]
    assert headers["upgrade"] == "websocket"
    assert headers["connection"] == "upgrade"


def test_every_socket_of_one_group_meets_on_one_worker_and_the_groups_spread(proxy):
    upgrade = ("Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")
    workers = {}
    for group in range(1, 21):
        for path in (f"/ws/notes/{group}", f"/ws/notes/{group}/", f"/ws/notes/{group}"):
            _, _, body = get(proxy, path, *upgrade)
            workers.setdefault(group, set()).add(json.loads(body)["worker"])
    assert all(len(seen) == 1 for seen in workers.values()), workers
    assert len(set().union(*workers.values())) == 2


def test_uploads_over_the_document_limit_are_refused_before_the_app(proxy):
    limit = 20 * 1024 * 1024
    status, _, _ = exchange(proxy, f"POST /admin/documents/multiple/add/ HTTP/1.1\nHost: 127.0.0.1\n"
                                   f"Content-Length: {limit + 2 * 1024 * 1024}\nConnection: close\n\n")
    assert status.split()[1] == "413"
    _, _, body = exchange(proxy, "POST /admin/documents/multiple/add/ HTTP/1.1\nHost: 127.0.0.1\n"
                                 "Content-Length: 5\nConnection: close\n\nhello")
    assert json.loads(body)["method"] == "POST"

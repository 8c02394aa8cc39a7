"""Writes the nginx config of deploy/ for one machine: deploy/nginx.conf and the files of deploy/nginx/,
with their {{ name }} placeholders filled in (nginx's own $variables are left alone).

    python -m deploy.nginx --out /etc/nginx/sakrad --server-name sakrad.example.org \\
        --certificate /etc/ssl/sakrad/fullchain.pem --certificate-key /etc/ssl/sakrad/privkey.pem \\
        --static-root /srv/sakrad/staticfiles --media-root /srv/sakrad/media \\
        --worker 127.0.0.1:8001 --worker 127.0.0.1:8002
    nginx -t -c /etc/nginx/sakrad/nginx.conf

Without --certificate it writes a plain-HTTP server on --listen that runs without root in the
foreground, logging to the terminal: the local try of deploy/serve (SERVE_NGINX=1).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent
PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")


@dataclass
class Site:
    out: Path  # where the rendered files go
    workers: list[str]  # host:port of each ASGI worker
    static_root: Path
    media_root: Path
    server_name: str = "_"
    listen: str = "127.0.0.1:8000"  # without a certificate only
    certificate: Path | None = None
    certificate_key: Path | None = None
    mime_types: Path = Path("/etc/nginx/mime.types")
    extra: dict[str, str] = field(default_factory=dict)  # overrides any placeholder's value

    @property
    def production(self) -> bool:
        return self.certificate is not None

    def values(self) -> dict[str, str]:
        out = self.out.resolve()
        machine = (
            {"pid_file": "/run/nginx.pid", "error_log": "/var/log/nginx/error.log",
             "access_log": "/var/log/nginx/access.log", "temp_dir": "/var/lib/nginx"}
            if self.production
            else {"pid_file": f"{out}/nginx.pid", "error_log": "stderr", "access_log": "/dev/stdout",
                  "temp_dir": f"{out}/temp"}
        )
        return {
            **machine,
            "conf_dir": str(out),
            "server": "production.conf" if self.production else "local.conf",
            "workers": "\n".join(f"        server {worker};" for worker in self.workers),
            "static_root": str(self.static_root.resolve()),
            "media_root": str(self.media_root.resolve()),
            "server_name": self.server_name,
            "listen": self.listen,
            "certificate": str(self.certificate),
            "certificate_key": str(self.certificate_key),
            "mime_types": str(self.mime_types),
            **self.extra,
        }


def fill(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values[match[1]], text)


def render(site: Site) -> Path:
    """Writes every file and returns the main one (for `nginx -c`)."""
    if not site.workers:
        raise ValueError("at least one worker is needed")
    values = site.values()
    site.out.mkdir(parents=True, exist_ok=True)
    for template in [TEMPLATES / "nginx.conf", *sorted((TEMPLATES / "nginx").glob("*.conf"))]:
        (site.out / template.name).write_text(fill(template.read_text(), values))
    if not site.production:
        (site.out / "temp").mkdir(exist_ok=True)
    return site.out / "nginx.conf"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m deploy.nginx", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the rendered files")
    parser.add_argument("--worker", action="append", required=True, help="host:port of a worker, repeatable")
    parser.add_argument("--static-root", type=Path, required=True, help="STATIC_ROOT (collectstatic)")
    parser.add_argument("--media-root", type=Path, required=True, help="MEDIA_ROOT (image renditions)")
    parser.add_argument("--server-name", default="_", help="the site's host name")
    parser.add_argument("--listen", default="127.0.0.1:8000", help="address:port without TLS (local)")
    parser.add_argument("--certificate", type=Path, help="TLS certificate chain: production")
    parser.add_argument("--certificate-key", type=Path, help="its private key")
    parser.add_argument("--mime-types", type=Path, default=Path("/etc/nginx/mime.types"))
    args = parser.parse_args(argv)
    if (args.certificate is None) != (args.certificate_key is None):
        parser.error("--certificate and --certificate-key go together")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    site = Site(
        out=args.out, workers=args.worker, static_root=args.static_root, media_root=args.media_root,
        server_name=args.server_name, listen=args.listen, certificate=args.certificate,
        certificate_key=args.certificate_key, mime_types=args.mime_types,
    )
    print(render(site))


if __name__ == "__main__":
    main()

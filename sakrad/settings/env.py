"""Reading configuration from the environment (12-factor), with the embedded defaults in one place."""

import os
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_base_url(name: str, default: str = "") -> str:
    """The site's public address (sakrad/links.py): scheme and host, with a port if any, and no path,
    since every path we write starts at "/". Refused at start-up rather than found in sent e-mails."""
    value = os.environ.get(name, default).strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path.strip("/") or parts.query:
        raise ImproperlyConfigured(f"{name} must be like https://sakrad.example.org, not {value!r}.")
    return value.rstrip("/")


def database_config(base_dir) -> dict:
    """PostgreSQL (psycopg 3) when DATABASE_URL is set, else a SQLite file beside the code."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": base_dir / "db.sqlite3"}
    return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)


def channel_layer_config(redis_url: str) -> dict:
    """Redis pub/sub layer when REDIS_URL is set; the in-memory layer serves one process only."""
    if not redis_url:
        return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    return {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [redis_url]},
        }
    }


def cache_config(redis_url: str) -> dict:
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "sakrad",
        }
    }


def redis_url_with_db(redis_url: str, db: int) -> str:
    """The same server with another database number (the path of a redis:// URL)."""
    parts = urlsplit(redis_url)
    return urlunsplit(parts._replace(path=f"/{db}"))

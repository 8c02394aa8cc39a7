"""Production's log format: one JSON object per line, so the log collector needs no parsing rules and a
request's lines are found by its id (sakrad/request_id.py). Development and tests keep Django's
readable defaults."""

import json
import logging
from datetime import UTC, datetime

from .request_id import current_request_id, loggable_path

# Set by the access line (sakrad.request_id.finish); other records do not have them.
ACCESS_FIELDS = ("method", "path", "status", "duration_ms")


def message_of(record: logging.LogRecord) -> str:
    message = record.getMessage()
    # Django's own request lines ("Not Found: /osa/<token>/") name the path: cut its secrets too.
    request = getattr(record, "request", None)
    if request is not None and hasattr(request, "path"):
        message = message.replace(request.path, loggable_path(request))
    return message


def request_id_of(record: logging.LogRecord) -> str | None:
    # Django logs a request's 4xx/5xx after the middleware has finished, so from the request itself.
    request = getattr(record, "request", None)
    return (getattr(record, "request_id", None) or getattr(request, "request_id", None)
            or current_request_id.get() or None)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": message_of(record),
            "request_id": request_id_of(record),
        }
        line.update({name: getattr(record, name) for name in ACCESS_FIELDS if hasattr(record, name)})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)

"""JSON log lines on standard error.

Only metadata is ever logged. The formatter emits the message plus the
whitelisted keys passed through `extra=`; anything else attached to a record is
dropped, so a stray `extra={"body": ...}` cannot leak borrower data.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

ALLOWED_FIELDS = frozenset(
    {
        "request_id",
        "org_id",
        "key_id",
        "method",
        "route",
        "status",
        "outcome",
        "duration_ms",
        "review_id",
        "job",
        "task",
        "count",
        "error_kind",
        "server",
        "host",
        "port",
        "event",
    }
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key in ALLOWED_FIELDS:
            value = record.__dict__.get(key)
            if value is not None:
                line[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            # The exception type only: messages and tracebacks can carry data.
            line["exc_type"] = record.exc_info[0].__name__
        return json.dumps(line, default=str, separators=(",", ":"))


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("uvicorn.access", "httpx", "httpcore", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.error", "granian", "procrastinate"):
        lg = logging.getLogger(name)
        lg.handlers[:] = []
        lg.propagate = True

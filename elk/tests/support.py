"""What the end-to-end tests share: the running stack test.sh started, the tailed log file, polling helpers."""
import datetime
import functools
import os
import pathlib
import subprocess
import sys
import time
import uuid
import zoneinfo

ELK = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ELK / "tools"))

import campaign_day  # noqa: E402
import nginx_log  # noqa: E402
from engine import Engine  # noqa: E402

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
URL = os.environ.get("ELK_TEST_URL", "http://127.0.0.1:18210")
LOG = pathlib.Path(os.environ.get("ELK_TEST_LOG", ELK / ".run" / "test" / "access.json.log"))
APP_LOG = pathlib.Path(os.environ.get("ELK_TEST_APP_LOG", ELK / ".run" / "test" / "app-8080.json.log"))
SHIPPER_DIR = pathlib.Path(os.environ.get("ELK_TEST_SHIPPER_DIR", ELK / ".run" / "test" / "rsyslog"))
SAMPLE_DAY = datetime.date(2026, 12, 26)

engine = Engine(URL)


def stack(command):
    """Runs elk/bin/stack with the test stack's settings (inherited from test.sh)."""
    subprocess.run([str(ELK / "bin" / "stack"), command], check=True)


def append(lines, log_file=None):
    """Appends lines to the log the shipper tails, as nginx would (str lines, or bytes written as they are); to the
    app's log instead when log_file is APP_LOG."""
    with (log_file or LOG).open("ab") as log:
        for line in lines:
            log.write((line.encode() if isinstance(line, str) else line) + b"\n")


def count(index, query=None):
    engine.post(f"/{index}/_refresh")
    body = {"query": query} if query else None
    return engine.call("POST", f"/{index}/_count", body)["count"]


def wait_for_count(index, expected, timeout=120, query=None):
    """Polls until the index holds `expected` documents; fails at once if it holds more."""
    deadline = time.monotonic() + timeout
    seen = None
    while time.monotonic() < deadline:
        try:
            seen = count(index, query)
        except Exception as error:   # the index may not exist yet
            seen = f"not yet ({error})"
        if seen == expected:
            return
        if isinstance(seen, int) and seen > expected:
            raise AssertionError(f"{index} holds {seen} documents, more than the {expected} sent")
        time.sleep(0.5)
    raise AssertionError(f"{index} holds {seen} documents after {timeout} s, expected {expected}")


def shipper_errors():
    """What the shipper could not deliver at all (its error file); must stay empty."""
    path = SHIPPER_DIR / "engine-errors.json"
    return path.read_text() if path.exists() else ""


@functools.lru_cache(maxsize=None)
def sample():
    """Feeds the simulated campaign day through the shipper once; returns (lines, expected answers)."""
    lines, expected = campaign_day.generate(SAMPLE_DAY)
    append(lines)
    wait_for_count(f"jiasu-access-{SAMPLE_DAY:%Y.%m.%d}", len(lines), timeout=180)
    return lines, expected


def day_range(day):
    start = datetime.datetime.combine(day, datetime.time(), ZONE)
    return start, start + datetime.timedelta(days=1)


def request(day, second, **fields):
    """A well-formed log line on `day` (campaign zone), `second` seconds after midnight."""
    when = datetime.datetime.combine(day, datetime.time(), ZONE) + datetime.timedelta(seconds=second)
    base = {"time": when.isoformat(timespec="seconds"), "msec": when.timestamp(), "request_id": uuid.uuid4().hex,
            "remote_addr": "100.64.12.7",
            "x_forwarded_for": "123.112.10.7, 203.0.113.9", "host": "api.jiasu.example", "method": "GET",
            "uri": "/api/v1/me", "protocol": "HTTP/2.0", "status": 200, "request_time": 0.01}
    base.update(fields)
    return nginx_log.line(base)


def parsed(lines):
    """Runs lines through the installed pipeline without storing them (_simulate); returns the documents."""
    docs = [{"_source": {"message": line}} for line in lines]
    return [item["doc"] for item in engine.post("/_ingest/pipeline/jiasu-access/_simulate", {"docs": docs})["docs"]]


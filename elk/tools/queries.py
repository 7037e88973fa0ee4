"""Runs the panel queries in elk/queries/ over a time range.

Each file is a plain search body for `GET jiasu-access-*/_search` (paste it into Dev Tools as it is: it covers
the last 24 hours); run() swaps its @timestamp range for the one asked for.
"""
import copy
import json
import pathlib

INDEX = "jiasu-access-*"
QUERY_DIR = pathlib.Path(__file__).resolve().parent.parent / "queries"


def names():
    return sorted(path.stem for path in QUERY_DIR.glob("*.json"))


def load(name):
    return json.loads((QUERY_DIR / f"{name}.json").read_text())


def time_filter(body):
    """The @timestamp range clause of a query body (every query file has exactly one)."""
    ranges = [clause["range"]["@timestamp"] for clause in body["query"]["bool"]["filter"]
              if "@timestamp" in clause.get("range", {})]
    if len(ranges) != 1:
        raise ValueError("a query file needs exactly one @timestamp range in query.bool.filter")
    return ranges[0]


def with_time_range(body, start, end):
    """A copy of the body limited to [start, end); start and end are timezone-aware datetimes."""
    body = copy.deepcopy(body)
    bounds = time_filter(body)
    bounds.clear()
    bounds.update({"gte": start.isoformat(), "lt": end.isoformat()})
    return body


def run(engine, name, start, end):
    return engine.search(INDEX, with_time_range(load(name), start, end))

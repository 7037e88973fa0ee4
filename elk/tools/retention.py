"""Deletes daily Jiasu indices older than the retention period (jiasu-access-YYYY.MM.DD, jiasu-app-..., jiasu-deadletter-...).

Usage: retention.py [--url URL] [--days 30] [--dry-run]
Run it once a day (cron or a systemd timer). It works the same on Elasticsearch and OpenSearch, which keep
their own lifecycle plugins (ILM, ISM) apart; the local OpenSearch build has neither.
"""
import argparse
import datetime
import re
import zoneinfo

from engine import Engine

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
DAILY = re.compile(r"^jiasu-(access|app|deadletter)-(\d{4})\.(\d{2})\.(\d{2})$")


def expired(names, today, days):
    """The daily index names whose day is more than `days` days before `today`."""
    oldest_kept = today - datetime.timedelta(days=days)
    old = []
    for name in names:
        match = DAILY.match(name)
        if match and datetime.date(*map(int, match.group(2, 3, 4))) < oldest_kept:
            old.append(name)
    return sorted(old)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:18200")
    parser.add_argument("--days", type=int, default=30, help="days of indices to keep (default 30)")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    engine = Engine(args.url)
    names = [row["index"] for row in engine.get("/_cat/indices/jiasu-*?format=json&h=index&expand_wildcards=all")]
    for name in expired(names, datetime.datetime.now(ZONE).date(), args.days):
        print(("would delete " if args.dry_run else "deleting ") + name)
        if not args.dry_run:
            engine.delete(f"/{name}")


if __name__ == "__main__":
    main()

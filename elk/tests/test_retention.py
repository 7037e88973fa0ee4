"""Retention deletes whole daily indices past the period, by the day in their name, and nothing else."""
import datetime
import subprocess
import sys
import unittest

from support import ELK, URL, ZONE, engine  # first: it puts elk/tools on the import path

import retention  # noqa: E402


class Retention(unittest.TestCase):
    def test_only_daily_indices_older_than_the_period_are_deleted(self):
        today = datetime.datetime.now(ZONE).date()
        old = [f"jiasu-access-{today - datetime.timedelta(days=31):%Y.%m.%d}",
               f"jiasu-deadletter-{today - datetime.timedelta(days=45):%Y.%m.%d}"]
        kept = [f"jiasu-access-{today - datetime.timedelta(days=30):%Y.%m.%d}",
                f"jiasu-deadletter-{today:%Y.%m.%d}-restored", "jiasu-access-archive"]
        for name in old + kept:
            engine.put(f"/{name}", {})
        try:
            out = subprocess.run([sys.executable, str(ELK / "tools" / "retention.py"), "--url", URL, "--days", "30"],
                                 check=True, capture_output=True, text=True).stdout
            names = {row["index"] for row in engine.get("/_cat/indices/jiasu-*?format=json&h=index")}
            self.assertEqual(out.splitlines(), [f"deleting {name}" for name in sorted(old)])
            self.assertFalse(names & set(old))
            self.assertTrue(set(kept) <= names)
        finally:
            engine.delete("/" + ",".join(kept))

    def test_the_period_is_counted_in_campaign_days(self):
        names = ["jiasu-access-2026.11.20", "jiasu-access-2026.11.21", "jiasu-deadletter-2026.10.01", "other-2000.01.01"]
        self.assertEqual(retention.expired(names, datetime.date(2026, 11, 22), 1),
                         ["jiasu-access-2026.11.20", "jiasu-deadletter-2026.10.01"])


if __name__ == "__main__":
    unittest.main()

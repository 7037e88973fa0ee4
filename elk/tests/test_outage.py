"""The engine stops for 30 s while nginx keeps writing, and the shipper is restarted while it is away: once the
engine is back the index holds every line, once."""
import datetime
import threading
import time
import unittest

from support import SHIPPER_DIR, append, count, engine, request, shipper_errors, stack, wait_for_count

DAY = datetime.date(2026, 12, 28)
INDEX = f"jiasu-access-{DAY:%Y.%m.%d}"
OUTAGE_SECONDS = 30
LINES_PER_SECOND = 20
AFTER_RETURN_SECONDS = 3     # lines keep coming for a while after the engine is back


class Writer(threading.Thread):
    """Appends numbered lines at a steady rate until told to stop, like nginx under light load."""

    def __init__(self):
        super().__init__(daemon=True)
        self.written = 0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(1 / LINES_PER_SECOND):
            self.written += 1
            append([request(DAY, self.written, request_id=f"0a7a{self.written:028x}")])

    def stop(self):
        self.stopping.set()
        self.join()
        return self.written


class EngineOutage(unittest.TestCase):
    def test_every_line_written_during_a_30_second_outage_arrives_once(self):
        writer = Writer()
        writer.start()
        try:
            self.wait_until_flowing()
            stack("engine-stop")
            stopped_at, written_before = time.monotonic(), writer.written
            time.sleep(OUTAGE_SECONDS / 2)
            # The shipper goes down and up while the engine is away: its queue must survive on disk.
            stack("shipper-stop")
            saved_queue = sorted(path.name for path in SHIPPER_DIR.glob("jiasu_engine*"))
            stack("shipper-start")
            time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - stopped_at)))
            written_during = writer.written - written_before
            stack("engine-start")
            time.sleep(AFTER_RETURN_SECONDS)
        finally:
            total = writer.stop()
        self.assertGreaterEqual(written_during, OUTAGE_SECONDS * LINES_PER_SECOND * 0.8)
        self.assertTrue(saved_queue, "the shipper saved no queue to disk when stopped during the outage")
        wait_for_count(INDEX, total, timeout=120)
        # Document ids are the request ids, so a resent line overwrites itself; no request id may appear twice.
        repeated = engine.search(INDEX, {"size": 0, "aggs": {
            "repeated": {"terms": {"field": "nginx.request_id", "min_doc_count": 2, "size": 5}}}})
        self.assertEqual(repeated["aggregations"]["repeated"]["buckets"], [])
        last = f"0a7a{total:028x}"
        self.assertEqual(engine.get(f"/{INDEX}/_doc/{last}")["_source"]["nginx"]["request_id"], last)
        self.assertEqual(shipper_errors(), "")

    def wait_until_flowing(self):
        """Lines are reaching the engine before it is stopped."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if count(INDEX) >= LINES_PER_SECOND:
                    return
            except Exception:    # the day's index is created by the first line
                pass
            time.sleep(0.5)
        self.fail("no line reached the engine before the outage")


if __name__ == "__main__":
    unittest.main()

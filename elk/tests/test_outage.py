"""The engine goes away while nginx keeps writing: once it is back, the index holds every line, once."""
import datetime
import threading
import time
import unittest

from support import SHIPPER_DIR, append, count, engine, request, shipper_errors, stack, wait_for_count

from engine import EngineError  # noqa: E402  (support puts elk/tools on the path)

OUTAGE_SECONDS = 30
LINES_PER_SECOND = 20
AFTER_RETURN_SECONDS = 3     # lines keep coming for a while after the engine is back


def line(day, number):
    return request(day, number, request_id=f"0a7a{number:028x}")


def missing(index, total):
    """Numbers of the lines 1..total that are not in the index."""
    hits = engine.search(index, {"size": total, "_source": ["nginx.request_id"]})["hits"]["hits"]
    found = {int(hit["_source"]["nginx"]["request_id"][4:], 16) for hit in hits}
    return [number for number in range(1, total + 1) if number not in found]


def assert_each_line_once(test, index, total):
    wait_for_count(index, total, timeout=180)
    # Document ids are the request ids, so a resent line overwrites itself; no request id may appear twice.
    repeated = engine.search(index, {"size": 0, "aggs": {
        "repeated": {"terms": {"field": "nginx.request_id", "min_doc_count": 2, "size": 5}}}})
    test.assertEqual(repeated["aggregations"]["repeated"]["buckets"], [])
    test.assertEqual(missing(index, total), [])
    test.assertEqual(shipper_errors(), "")


class Writer(threading.Thread):
    """Appends numbered lines at a steady rate until told to stop, like nginx under light load."""

    def __init__(self, day):
        super().__init__(daemon=True)
        self.day = day
        self.written = 0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(1 / LINES_PER_SECOND):
            self.written += 1
            append([line(self.day, self.written)])

    def stop(self):
        self.stopping.set()
        self.join()
        return self.written


class EngineOutage(unittest.TestCase):
    def test_a_30_second_outage_loses_no_line_and_repeats_none(self):
        index = "jiasu-access-2026.12.28"
        writer = Writer(datetime.date(2026, 12, 28))
        writer.start()
        try:
            self.wait_until_flowing(index)
            stack("engine-stop")
            written_before = writer.written
            time.sleep(OUTAGE_SECONDS)
            written_during = writer.written - written_before
            stack("engine-start")
            time.sleep(AFTER_RETURN_SECONDS)
        finally:
            total = writer.stop()
        self.assertGreaterEqual(written_during, OUTAGE_SECONDS * LINES_PER_SECOND * 0.8)
        assert_each_line_once(self, index, total)

    def test_b_shipper_restarted_during_an_outage_keeps_its_queue_on_disk(self):
        index = "jiasu-access-2026.12.27"
        day = datetime.date(2026, 12, 27)
        stack("engine-stop")
        try:
            for number in range(1, 21):
                append([line(day, number)])
                time.sleep(0.1)
            stack("shipper-stop")
            saved = sorted(path.name for path in SHIPPER_DIR.glob("jiasu_engine*"))
            stack("shipper-start")
            append([line(day, number) for number in range(21, 41)])
        finally:
            stack("engine-start")
        self.assertIn("jiasu_engine.qi", saved)
        # Known rsyslog 8.2302 limitation (elk/README.md): the batch the suspended action was retrying when
        # rsyslogd stopped is dropped. With lines written one by one that is the first line or first few; every
        # line queued behind it was saved to disk and arrives.
        deadline = time.monotonic() + 180
        while True:
            try:
                engine.post(f"/{index}/_refresh")
                lost = missing(index, 40)
            except EngineError:      # not a line has arrived yet
                lost = list(range(1, 41))
            if lost == list(range(1, len(lost) + 1)) and len(lost) <= 3 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        self.assertEqual(lost, list(range(1, len(lost) + 1)))
        self.assertLessEqual(len(lost), 3)
        self.assertEqual(shipper_errors(), "")

    def wait_until_flowing(self, index):
        """Lines are reaching the engine before it is stopped."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if count(index) >= LINES_PER_SECOND:
                    return
            except Exception:    # the day's index is created by the first line
                pass
            time.sleep(0.5)
        self.fail("no line reached the engine before the outage")


if __name__ == "__main__":
    unittest.main()

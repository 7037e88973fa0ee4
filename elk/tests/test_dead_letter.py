"""Malformed and hostile lines go through the real shipper and end up in the dead-letter index with their
reason, one document each; the lines after them are indexed as usual."""
import datetime
import json
import unittest

from support import append, count, engine, request, shipper_errors, wait_for_count

DAY = datetime.date(2026, 12, 29)
REFUSED_DAY = datetime.date(2026, 12, 30)
DEAD = "jiasu-deadletter-*"


def hostile(marker, **fields):
    return request(DAY, 3600, request_id=marker, **fields)


# marker (found in the stored message), the line as written, the reason it must be given, the step that failed
CASES = [
    ("broken-json", '{"time":"2026-12-29T01:00:00+08:00","msec":1798477200.000,"request_id":"broken-json",',
     "Unexpected end-of-input", "json"),
    ("not-json-at-all", "GET /not-json-at-all HTTP/1.1 200", "Unrecognized token", "json"),
    ("json-array", '["json-array"]', "line is JSON but not an object", "normalise"),
    ("dead0000000000000000000000000001", hostile("dead0000000000000000000000000001",
                                                 http_user_agent="Mozilla/5.0 " + "A" * 5000),
     "nginx.http_user_agent is longer than 1024 characters (5012)", "normalise"),
    ("dead0000000000000000000000000002", hostile("dead0000000000000000000000000002", remote_addr="999.999.1.1"),
     "invalid IP in nginx.remote_addr: 999.999.1.1", "client-ip"),
    ("dead0000000000000000000000000003", hostile("dead0000000000000000000000000003",
                                                 x_forwarded_for="123.112.10.7, 203.0.113.9<script>"),
     "invalid IP in nginx.x_forwarded_for: 203.0.113.9<script>", "client-ip"),
    # What nginx writes for a request whose path carries %0A: the newline escaped inside the field.
    ("dead0000000000000000000000000004", hostile("dead0000000000000000000000000004",
                                                 uri='/api/v1/me\n{"forged":"entry"}'),
     "control character 10 in nginx.uri", "normalise"),
    ("dead0000000000000000000000000006",
     hostile("dead0000000000000000000000000006").replace('"status":200', '"status":"200"'),
     "nginx.status is not a number", "normalise"),
    # Only the app writes the visitor id and nginx hides it from clients: a malformed one means a broken app.
    ("dead0000000000000000000000000008", hostile("dead0000000000000000000000000008", visitor="../../etc/passwd"),
     "nginx.visitor is not 32 hex digits: ../../etc/passwd", "request"),
    # Last: the shipper cuts it (test_the_raw_line_is_kept_as_it_was_read).
    ("dead0000000000000000000000000007", hostile("dead0000000000000000000000000007", http_user_agent="x" * 100000),
     "line longer than 60000 characters", "line-length"),
]
# A raw newline can only come from a forged or damaged file: the shipper reads two lines and keeps both.
SPLIT = hostile("dead0000000000000000000000000005", uri='/api/v1/me\n{"time":"spliced","status":200}').replace(
    "\\n", "\n")
SPLIT_CASES = [("dead0000000000000000000000000005", SPLIT.split("\n")[0], "Unexpected end-of-input", "json"),
               ("spliced", SPLIT.split("\n")[1], "Unexpected character", "json")]


class DeadLetters(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.since = engine.get("/_nodes/_local/stats/os")  # the engine's clock stamps dead letters
        cls.since = next(iter(cls.since["nodes"].values()))["timestamp"]
        good = request(DAY, 3600, request_id="900d0000000000000000000000000001")
        # Bytes that are not UTF-8 are mended by the shipper, and the line is indexed like any other.
        mended = request(DAY, 3600, request_id="900d0000000000000000000000000002",
                         http_user_agent="Mozilla/5.0 \udcff\udcfe").encode("utf-8", "surrogateescape")
        append([line for _, line, _, _ in CASES] + [SPLIT, mended, good])
        wait_for_count(f"jiasu-access-{DAY:%Y.%m.%d}", 2)
        recent = {"range": {"@timestamp": {"gte": cls.since, "format": "epoch_millis"}}}
        wait_for_count(DEAD, len(CASES) + len(SPLIT_CASES), query=recent)
        cls.dead = [hit["_source"] for hit in engine.search(DEAD, {"size": 100, "query": recent})["hits"]["hits"]]

    def find(self, marker):
        found = [doc for doc in self.dead if marker in doc["message"]]
        self.assertEqual(len(found), 1, f"{marker}: {json.dumps(found, ensure_ascii=False)[:500]}")
        return found[0]

    def test_each_hostile_line_is_kept_once_with_its_reason(self):
        for marker, _, reason, step in CASES + SPLIT_CASES:
            doc = self.find(marker)
            self.assertTrue(doc["error"]["reason"].startswith(reason), f"{marker}: {doc['error']}")
            self.assertEqual(doc["error"]["processor"], step, marker)

    def test_the_raw_line_is_kept_as_it_was_read(self):
        for marker, line, _, _ in CASES[:-1] + SPLIT_CASES:
            self.assertEqual(self.find(marker)["message"], line, marker)
        # The shipper cuts a line at its 64 KiB message size and drops the rest.
        cut = self.find("dead0000000000000000000000000007")["message"]
        self.assertEqual((len(cut.encode()), cut), (64 * 1024, CASES[-1][1][:64 * 1024]))

    def test_parsed_fields_of_a_failed_line_are_not_kept(self):
        doc = self.find("dead0000000000000000000000000002")
        self.assertEqual(sorted(doc), ["@timestamp", "error", "host", "log", "message"])

    def test_lines_after_the_hostile_ones_are_indexed(self):
        good = engine.get(f"/jiasu-access-{DAY:%Y.%m.%d}/_doc/900d0000000000000000000000000001")["_source"]
        self.assertEqual(good["source"]["geo"]["province"], "北京")
        mended = engine.get(f"/jiasu-access-{DAY:%Y.%m.%d}/_doc/900d0000000000000000000000000002")["_source"]
        self.assertEqual(mended["nginx"]["http_user_agent"], "Mozilla/5.0 ??")
        self.assertEqual(shipper_errors(), "")

    def test_a_line_the_engine_refuses_is_dead_lettered_by_the_shipper(self):
        index = f"jiasu-access-{REFUSED_DAY:%Y.%m.%d}"
        engine.put(f"/{index}", {})
        engine.put(f"/{index}/_block/write", None)
        line = request(REFUSED_DAY, 60, request_id="b10c0000000000000000000000000001")
        append([line])
        query = {"match_phrase": {"message": "b10c0000000000000000000000000001"}}
        wait_for_count(DEAD, 1, query=query)
        doc = engine.search(DEAD, {"query": query})["hits"]["hits"][0]["_source"]
        self.assertEqual(doc["message"], line)
        self.assertEqual((doc["error"]["processor"], doc["error"]["status"]), ("shipper", 403))
        self.assertIn(f"cluster_block_exception: index [{index}] blocked", doc["error"]["reason"])
        self.assertEqual(count(index), 0)
        self.assertEqual(shipper_errors(), "")


if __name__ == "__main__":
    unittest.main()

"""The app's own JSON log lines (LOG_JSON=true) go through the real shipper into jiasu-app-*, each carrying the
request id nginx set, so one failed request is followed from the access log into the app's lines."""
import datetime
import json
import unittest
import uuid

from support import APP_LOG, ZONE, append, count, engine, request, shipper_errors, wait_for_count

DAY = datetime.date(2027, 1, 2)
APP_INDEX = f"jiasu-app-{DAY:%Y.%m.%d}"
ACCESS_INDEX = f"jiasu-access-{DAY:%Y.%m.%d}"


def app_line(second, level, logger, message, request_id=None, stack=None):
    """A line as quarkus-logging-json writes it (application.properties, "Logging")."""
    when = datetime.datetime.combine(DAY, datetime.time(), ZONE) + datetime.timedelta(seconds=second)
    record = {"timestamp": when.isoformat(timespec="milliseconds"), "sequence": second,
              "loggerClassName": "org.jboss.logging.Logger", "loggerName": logger, "level": level,
              "message": message, "threadName": "vert.x-eventloop-thread-1", "threadId": 31,
              "mdc": {"requestId": request_id} if request_id else {}, "ndc": "", "hostName": "app-1",
              "processName": "quarkus-run.jar", "processId": 4242}
    if stack:
        record["stackTrace"] = stack
    return json.dumps(record, ensure_ascii=False)


class AppLog(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.failed = uuid.uuid4().hex
        cls.other = uuid.uuid4().hex
        append([request(DAY, 36000, request_id=cls.failed, method="POST", uri="/api/v1/session", status=500),
                request(DAY, 36001, request_id=cls.other)])
        append([
            app_line(10, "INFO", "io.quarkus", "jiasu-backend 1.0.0-SNAPSHOT started in 3.1s"),
            app_line(36000, "ERROR", "io.jiasu.platform.ProblemMapper",
                     "unexpected failure on POST /api/v1/session: java.lang.IllegalStateException: boom",
                     request_id=cls.failed, stack="java.lang.IllegalStateException: boom\n\tat io.jiasu.X.y(X.java:1)"),
            app_line(36000, "WARN", "io.jiasu.platform.ProblemMapper", "500 INTERNAL on POST /api/v1/session",
                     request_id=cls.failed),
            app_line(36001, "WARN", "io.jiasu.platform.ProblemMapper", "503 UNAVAILABLE on GET /api/v1/me",
                     request_id=cls.other),
        ], APP_LOG)
        wait_for_count(APP_INDEX, 4)
        wait_for_count(ACCESS_INDEX, 2)

    def test_a_failed_request_is_followed_from_the_edge_into_the_app(self):
        edge = engine.search(ACCESS_INDEX, {"query": {"term": {"nginx.request_id": self.failed}}})
        self.assertEqual([hit["_source"]["nginx"]["status"] for hit in edge["hits"]["hits"]], [500])
        app = engine.search(APP_INDEX, {"query": {"term": {"request_id": self.failed}},
                                        "sort": [{"@timestamp": "asc"}, {"level": "asc"}]})
        lines = [hit["_source"] for hit in app["hits"]["hits"]]
        self.assertEqual([(line["level"], line["logger"]) for line in lines],
                         [("ERROR", "io.jiasu.platform.ProblemMapper"), ("WARN", "io.jiasu.platform.ProblemMapper")])
        self.assertIn("boom", lines[0]["error"]["stack"])
        self.assertEqual(lines[1]["message"], "500 INTERNAL on POST /api/v1/session")
        stamped = datetime.datetime.fromisoformat(lines[0]["@timestamp"].replace("Z", "+00:00"))
        self.assertEqual(stamped, datetime.datetime(2027, 1, 2, 2, 0, tzinfo=datetime.timezone.utc))

    def test_lines_outside_a_request_have_no_request_id(self):
        self.assertEqual(count(APP_INDEX, {"bool": {"must_not": {"exists": {"field": "request_id"}}}}), 1)
        self.assertEqual(count(APP_INDEX, {"term": {"level": "WARN"}}), 2)
        self.assertEqual(shipper_errors(), "")

    def test_a_line_that_is_not_an_app_record_goes_to_the_dead_letters(self):
        docs = [{"_source": {"message": line}} for line in [
            "2027-01-02T10:00:00Z INFO  [io.quarkus] (main) started",   # the plain format (LOG_JSON=false)
            '{"message": "no time, no level"}']]
        answers = engine.post("/_ingest/pipeline/jiasu-app/_simulate", {"docs": docs})["docs"]
        for answer in answers:
            # _simulate shows the index as the date-math name the document would be stored under
            self.assertIn("jiasu-deadletter-", answer["doc"]["_index"], answer)
            self.assertIn(answer["doc"]["_source"]["error"]["processor"], ("json", "app-line"))


if __name__ == "__main__":
    unittest.main()

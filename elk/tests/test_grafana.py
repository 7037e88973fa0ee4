"""The Grafana dashboard over OpenSearch (grafana/dashboards/jiasu-visitors.json): every panel's query, turned into
the `_msearch` request Grafana's OpenSearch datasource sends (grafana/tools/opensearch_panels.py), runs against the
real engine over the simulated campaign day and must give the generator's own numbers."""
import datetime
import json
import sys
import unittest

from support import ELK, SAMPLE_DAY, ZONE, day_range, engine, sample  # first: puts elk/tools on the path

import test_dashboards  # noqa: E402  (module, not its names: its test case must not run twice)

sys.path.insert(0, str(ELK.parent / "grafana" / "tools"))
import opensearch_panels  # noqa: E402

DASHBOARD = ELK.parent / "grafana" / "dashboards" / "jiasu-visitors.json"
DATASOURCE = ELK.parent / "grafana" / "provisioning" / "datasources" / "jiasu-opensearch.yml"


def epoch_ms(moment):
    return int(moment.timestamp() * 1000)


class GrafanaOverOpenSearch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lines, cls.expected = sample()
        cls.dashboard = json.loads(DASHBOARD.read_text())
        cls.panels = {panel["id"]: panel for panel in cls.dashboard["panels"]}
        start, end = day_range(SAMPLE_DAY)
        # Grafana's range for "that day" ends a millisecond before the next one starts (the plugin's lte).
        cls.time_from, cls.time_to = epoch_ms(start), epoch_ms(end) - 1

    def answer(self, panel_id):
        """What the engine answers the panel's query, exactly as the plugin would ask it."""
        targets = self.panels[panel_id]["targets"]
        payload = opensearch_panels.msearch(targets, "jiasu-access-*", self.time_from, self.time_to)
        found = engine.call("POST", f"/_msearch?{opensearch_panels.MSEARCH_PARAMS}", ndjson=payload)["responses"]
        for response in found:
            self.assertNotIn("error", response, json.dumps(response, ensure_ascii=False)[:500])
        return found[0]["aggregations"]

    def assert_people_and_requests(self, buckets, requests, people):
        """Terms buckets (metric 1 = people), largest first: every name's requests and people, and the order."""
        self.assertEqual({bucket["key"]: bucket["doc_count"] for bucket in buckets}, requests)
        self.assertEqual({bucket["key"]: bucket["1"]["value"] for bucket in buckets}, people)
        values = [bucket["1"]["value"] for bucket in buckets]
        self.assertEqual(values, sorted(values, reverse=True), "ordered by people")

    def test_the_datasource_reads_every_daily_index_by_its_time_field(self):
        text = DATASOURCE.read_text()
        self.assertIn('database: "jiasu-access-*"', text)
        self.assertIn('timeField: "@timestamp"', text)
        self.assertIn("type: grafana-opensearch-datasource", text)

    def test_every_panel_is_checked_here(self):
        checked = {int(name.rsplit("_", 1)[1]) for name in dir(self) if name.startswith("test_panel_")}
        self.assertEqual(checked, set(self.panels))

    def test_every_field_a_panel_uses_is_mapped_and_aggregatable(self):
        types = test_dashboards.mapped_types()
        for panel in self.dashboard["panels"]:
            for target in panel["targets"]:
                for agg in target["metrics"] + target["bucketAggs"]:
                    if agg.get("field"):
                        self.assertIn(types.get(agg["field"]), test_dashboards.AGGREGATABLE, f"panel {panel['id']}: {agg['field']}")

    def test_panel_1(self):
        """Table: people (the day's UV in people), addresses and requests per campaign-zone day."""
        days = self.answer(1)["4"]["buckets"]
        self.assertEqual([(day["key"], day["doc_count"], day["1"]["value"], day["2"]["value"]) for day in days],
                         [(f"{SAMPLE_DAY}", self.expected["pv"], self.expected["people"], self.expected["addresses"])])

    def test_panel_2(self):
        """Time series: requests, people and addresses per hour, every hour of the day a bucket."""
        buckets = self.answer(2)["2"]["buckets"]
        self.assertEqual(len(buckets), 24)
        hour = lambda bucket: f"{datetime.datetime.fromtimestamp(bucket['key'] / 1000, ZONE).hour:02d}"  # noqa: E731
        self.assertEqual({hour(bucket): bucket["doc_count"] for bucket in buckets}, self.expected["hours"])
        self.assertEqual({hour(bucket): bucket["3"]["value"] for bucket in buckets}, self.expected["hour_people"])
        self.assertEqual({hour(bucket): bucket["4"]["value"] for bucket in buckets}, self.expected["hour_addresses"])

    def test_panel_3(self):
        """Bars: people by province (Beijing first, as in 2018)."""
        buckets = self.answer(3)["2"]["buckets"]
        self.assert_people_and_requests(buckets, self.expected["provinces"], self.expected["province_people"])
        self.assertEqual(buckets[0]["key"], "北京")

    def test_panel_4(self):
        """Map: every located request in a geohash cell; Beijing's cell holds Beijing."""
        cells = {cell["key"]: cell["doc_count"] for cell in self.answer(4)["2"]["buckets"]}
        self.assertEqual(sum(cells.values()), self.expected["located"])
        self.assertEqual(cells["wx4"], self.expected["provinces"]["北京"])

    def test_panel_5(self):
        """Bars: phone models by people (iPhones on top)."""
        buckets = self.answer(5)["2"]["buckets"]
        self.assert_people_and_requests(buckets, self.expected["models"], self.expected["model_people"])
        self.assertEqual(buckets[0]["key"], "iPhone")

    def test_panel_6(self):
        """Bars: launch scenes by people (group-chat cards first)."""
        buckets = self.answer(6)["2"]["buckets"]
        self.assert_people_and_requests(buckets, self.expected["scenes"], self.expected["scene_people"])
        self.assertEqual(buckets[0]["key"], "群聊会话中的小程序消息卡片")

    def test_panel_7(self):
        """Bar gauge: the help funnel in people, its steps in funnel order."""
        steps = [(step["key"], step["1"]["value"]) for step in self.answer(7)["2"]["buckets"]]
        funnel = self.expected["funnel"]
        self.assertEqual(steps, [("/api/v1/session", funnel["login"]),
                                 ("/api/v1/campaigns/{cid}/players/{shareCode}", funnel["landing"]),
                                 ("/api/v1/campaigns/{cid}/players/{shareCode}/boosts", funnel["help"]),
                                 ("/api/v1/campaigns/{cid}/players", funnel["join"])])
        labels = self.panels[7]["fieldConfig"]["defaults"]["mappings"][0]["options"]
        self.assertEqual([labels[route]["text"] for route, _ in steps], ["1 登录", "2 落地页", "3 助力", "4 参与"])

    def test_every_panel_draws_what_the_engine_answers(self):
        """The plugin's parser reads innermost buckets as a list; a query it would draw as nothing is refused."""
        for panel in self.dashboard["panels"]:
            for target in panel["targets"]:
                opensearch_panels.search_body(target, self.time_from, self.time_to)
        lone_filters = {"queryType": "lucene", "metrics": [{"id": "1", "type": "count"}],
                        "bucketAggs": [{"id": "2", "type": "filters", "settings": {"filters": [{"query": "*"}]}}]}
        with self.assertRaises(ValueError):
            opensearch_panels.search_body(lone_filters, self.time_from, self.time_to)

if __name__ == "__main__":
    unittest.main()

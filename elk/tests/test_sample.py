"""The simulated campaign day shipped through rsyslog into OpenSearch: parsed fields of known lines, and the
exact answer of every panel query and of the report, against what the generator produced."""
import subprocess
import sys
import unittest

from support import ELK, SAMPLE_DAY, URL, day_range, engine, sample, shipper_errors  # first: puts elk/tools on the path

import queries  # noqa: E402
import report  # noqa: E402

INDEX = f"jiasu-access-{SAMPLE_DAY:%Y.%m.%d}"


def buckets(response, agg, metric=None):
    """Bucket key -> document count, or -> the value of the bucket's sub-aggregation `metric`."""
    found = response["aggregations"][agg]["buckets"]
    value = (lambda bucket: bucket["doc_count"]) if metric is None else (lambda bucket: bucket[metric]["value"])
    if isinstance(found, dict):    # a filters aggregation names its buckets
        return {key: value(bucket) for key, bucket in found.items()}
    return {bucket.get("key_as_string", bucket["key"]): value(bucket) for bucket in found}


def hours(per_hour):
    """Campaign-zone hour ("20") -> value, from date-histogram keys like 2026-12-26T20:00:00.000+08:00."""
    return {key[11:13]: value for key, value in per_hour.items()}


class SampleDay(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lines, cls.expected = sample()
        cls.start, cls.end = day_range(SAMPLE_DAY)

    def run_query(self, name):
        return queries.run(engine, name, self.start, self.end)

    def assert_requests_and_people(self, name, agg, requests, people):
        """Each bucket's requests and its people (distinct visitor ids), as the generator counted them."""
        response = self.run_query(name)
        self.assertEqual(buckets(response, agg), self.expected[requests])
        self.assertEqual(buckets(response, agg, "people"), self.expected[people])

    def test_every_line_arrived_once_with_its_request_id_as_document_id(self):
        found = engine.search(INDEX, {"size": 0, "track_total_hits": True, "aggs": {
            "repeated": {"terms": {"field": "nginx.request_id", "min_doc_count": 2, "size": 5}}}})
        self.assertEqual(found["hits"]["total"]["value"], len(self.lines))
        self.assertEqual(found["aggregations"]["repeated"]["buckets"], [])
        self.assertEqual(engine.get(f"/{INDEX}/_doc/5eed0000000000000000000000000001")["_source"]["nginx"]["request_id"],
                         "5eed0000000000000000000000000001")
        self.assertEqual(shipper_errors(), "")

    def test_beijing_mi8_group_card_line_is_parsed_field_by_field(self):
        doc = engine.get(f"/{INDEX}/_doc/5eed0000000000000000000000000001")["_source"]
        self.assertEqual(doc["@timestamp"], "2026-12-26T12:00:07.250+08:00")
        self.assertEqual(doc["source"]["ip"], "123.112.10.7")
        self.assertEqual(doc["source"]["geo"]["country_iso_code"], "CN")
        self.assertEqual(doc["source"]["geo"]["region_iso_code"], "CN-BJ")
        self.assertEqual(doc["source"]["geo"]["region_name"], "Beijing")
        self.assertEqual(doc["source"]["geo"]["province"], "北京")
        self.assertEqual(doc["source"]["geo"]["city_name"], "Beijing")
        self.assertEqual(doc["source"]["geo"]["location"], {"lat": 39.9288, "lon": 116.3889})
        self.assertEqual(doc["device"], {"model": "MI 8"})
        self.assertEqual(doc["user_agent"]["os"]["full"], "Android 10")
        self.assertEqual(doc["user_agent"]["name"], "Chrome Mobile WebView")
        self.assertEqual(doc["wechat"], {"version": "8.0.47", "version_full": "8.0.47.2560", "net_type": "4G",
                                         "language": "zh_CN", "scene": 1008, "scene_name": "群聊会话中的小程序消息卡片"})
        self.assertEqual(doc["miniprogram"], {"appid": "wx5f2b9c0d1e3a4b6c", "version": "27", "env": "release",
                                              "client_version": "1.3.0"})
        self.assertEqual(doc["api"], {"route": "/api/v1/campaigns/{cid}/players/{shareCode}/boosts",
                                      "campaign_id": "c2019"})
        self.assertEqual(doc["http"], {"status_class": "2xx"})
        self.assertEqual(doc["upstream"], {"response_time": 0.029, "tries": 2})
        self.assertEqual(doc["local"], {"date": "2026-12-26", "hour": 12})
        self.assertEqual(doc["nginx"]["status"], 201)
        self.assertEqual(doc["visitor"], "5eedbeef000000000000000000000001")
        self.assertNotIn("visitor", doc["nginx"])
        self.assertEqual(doc["log"]["file"]["path"], str(sys.modules["support"].LOG))
        self.assertNotIn("message", doc)

    def test_shanghai_iphone_single_chat_card_from_the_develop_version(self):
        doc = engine.get(f"/{INDEX}/_doc/5eed0000000000000000000000000002")["_source"]
        self.assertEqual((doc["source"]["ip"], doc["source"]["geo"]["province"]), ("101.80.10.23", "上海"))
        self.assertEqual(doc["device"], {"model": "iPhone"})
        self.assertEqual(doc["user_agent"]["os"]["full"], "iOS 17.5")
        self.assertEqual((doc["wechat"]["scene"], doc["wechat"]["scene_name"]), (1007, "单人聊天会话中的小程序消息卡片"))
        self.assertEqual(doc["miniprogram"]["env"], "develop")
        self.assertEqual(doc["api"]["route"], "/api/v1/campaigns/{cid}/players/me")

    def test_direct_hit_with_a_forged_forwarded_header_is_placed_by_its_peer(self):
        doc = engine.get(f"/{INDEX}/_doc/5eed0000000000000000000000000003")["_source"]
        self.assertEqual((doc["source"]["ip"], doc["source"]["geo"]["province"]), ("183.6.10.99", "广东"))
        self.assertEqual((doc["wechat"]["scene"], doc["wechat"]["scene_name"]), (1047, "扫描小程序码"))
        self.assertEqual(doc["miniprogram"]["env"], "devtools")
        self.assertNotIn("visitor", doc)    # a public read, sent without a token

    def test_pv_people_and_addresses(self):
        response = self.run_query("pv-uv")
        self.assertEqual(response["hits"]["total"]["value"], self.expected["pv"])
        self.assertEqual(response["aggregations"]["people"]["value"], self.expected["people"])
        self.assertEqual(response["aggregations"]["addresses"]["value"], self.expected["addresses"])
        # NATs put many people on one address, one person used two: the two counts differ, by known amounts.
        self.assertNotEqual(self.expected["people"], self.expected["addresses"])

    def test_people_behind_one_nat_address_count_one_each(self):
        for address, people in self.expected["nats"].items():
            found = engine.search(INDEX, {"size": 0, "track_total_hits": True,
                                          "query": {"term": {"source.ip": address}},
                                          "aggs": {"people": {"cardinality": {"field": "visitor"}}}})
            self.assertEqual(found["aggregations"]["people"]["value"], people, address)
            self.assertGreater(people, 10, address)

    def test_one_person_on_two_addresses_counts_once(self):
        roamer = self.expected["roamer"]
        found = engine.search(INDEX, {"size": 0, "query": {"term": {"visitor": roamer["visitor"]}},
                                      "aggs": {"addresses": {"cardinality": {"field": "source.ip"}},
                                               "people": {"cardinality": {"field": "visitor"}}}})
        self.assertEqual(found["aggregations"]["addresses"]["value"], 2)
        self.assertEqual(found["aggregations"]["people"]["value"], 1)
        self.assertEqual(roamer["addresses"], 2)

    def test_traffic_per_hour(self):
        response = self.run_query("traffic-per-hour")
        per_hour = buckets(response, "per_hour")
        self.assertEqual(hours(per_hour), self.expected["hours"])
        self.assertTrue(all(key.startswith("2026-12-26T") and key.endswith("+08:00") for key in per_hour))
        self.assertEqual(hours(buckets(response, "per_hour", "people")), self.expected["hour_people"])
        self.assertEqual(hours(buckets(response, "per_hour", "addresses")), self.expected["hour_addresses"])

    def test_peak_minute(self):
        response = self.run_query("traffic-per-minute")
        peak = response["aggregations"]["peak"]
        self.assertEqual(peak["keys"], [self.expected["peak_minute"]["minute"] + ":00.000+08:00"])
        self.assertEqual(peak["value"], self.expected["peak_minute"]["count"])
        self.assertEqual(sum(buckets(response, "per_minute").values()), self.expected["pv"])

    def test_provinces_in_requests_and_people(self):
        self.assert_requests_and_people("provinces", "provinces", "provinces", "province_people")

    def test_province_map_places_every_public_address(self):
        cells = buckets(self.run_query("province-map"), "cells")
        self.assertEqual(sum(cells.values()), self.expected["located"])
        self.assertEqual(cells["wx4"], self.expected["provinces"]["北京"])   # the Beijing cell holds Beijing

    def test_device_models_in_requests_and_people(self):
        self.assert_requests_and_people("device-models", "models", "models", "model_people")

    def test_os_split(self):
        self.assertEqual(buckets(self.run_query("os"), "os"), self.expected["os"])

    def test_wechat_versions(self):
        self.assertEqual(buckets(self.run_query("wechat-versions"), "versions"), self.expected["wechat_versions"])

    def test_launch_scenes_in_requests_and_people(self):
        self.assert_requests_and_people("scenes", "scenes", "scenes", "scene_people")

    def test_help_funnel_counts_people(self):
        steps = buckets(self.run_query("help-funnel"), "steps", "people")
        funnel = self.expected["funnel"]
        self.assertEqual(steps, {"1 登录": funnel["login"], "2 落地页": funnel["landing"], "3 助力": funnel["help"],
                                 "4 参与": funnel["join"]})
        self.assertEqual(list(funnel.values()), sorted(funnel.values(), reverse=True), "each step loses people")

    def test_status_classes_per_hour(self):
        response = self.run_query("status-per-hour")
        totals = {}
        for hour in response["aggregations"]["per_hour"]["buckets"]:
            for status_class in hour["classes"]["buckets"]:
                totals[status_class["key"]] = totals.get(status_class["key"], 0) + status_class["doc_count"]
        self.assertEqual(totals, self.expected["status_classes"])

    def test_errors_by_route_and_status(self):
        response = self.run_query("errors")
        seen = {f"{route['key']} {status['key']}": status["doc_count"]
                for route in response["aggregations"]["routes"]["buckets"]
                for status in route["statuses"]["buckets"]}
        self.assertEqual(seen, self.expected["errors"])

    def test_slow_requests_by_route(self):
        routes = self.run_query("slow-requests")["aggregations"]["routes"]["buckets"]
        self.assertEqual({route["key"]: route["doc_count"] for route in routes}, self.expected["slow"])
        self.assertEqual(max(route["slowest"]["value"] for route in routes), self.expected["slowest"])

    def test_report_summarises_the_day_in_people(self):
        summary = report.summary(engine, self.start, self.end, top=5)
        expected = self.expected
        self.assertEqual((summary["pv"], summary["uv"]), (expected["pv"], expected["uv"]))
        self.assertEqual((summary["people"], summary["anonymous_addresses"], summary["addresses"]),
                         (expected["people"], expected["anonymous_only_addresses"], expected["addresses"]))
        self.assertEqual(summary["funnel"], [["1 登录", expected["funnel"]["login"]],
                                             ["2 落地页", expected["funnel"]["landing"]],
                                             ["3 助力", expected["funnel"]["help"]],
                                             ["4 参与", expected["funnel"]["join"]]])
        self.assertEqual(summary["peak_minute"], expected["peak_minute"])
        top_provinces = sorted(expected["provinces"].items(), key=lambda item: -item[1])[:5]
        self.assertEqual(summary["provinces"],
                         [[name, count, expected["province_people"][name]] for name, count in top_provinces])
        top_models = sorted(expected["models"].items(), key=lambda item: -item[1])[:5]
        self.assertEqual(summary["models"],
                         [[name, count, expected["model_people"][name]] for name, count in top_models])
        self.assertEqual({name: (count, people) for name, count, people in summary["scenes"]},
                         {name: (count, expected["scene_people"][name]) for name, count in expected["scenes"].items()})

    def test_report_command_prints_the_operator_summary(self):
        out = subprocess.run([str(ELK / "bin" / "report"), "--url", URL, "--from", "2026-12-26", "--to", "2026-12-27"],
                             check=True, capture_output=True, text=True).stdout
        expected = self.expected
        peak = expected["peak_minute"]
        self.assertIn(f"PV（请求数）  {expected['pv']}\n", out)
        self.assertIn(f"UV（人）      {expected['uv']}（登录用户 {expected['people']}，"
                      f"未登录的地址 {expected['anonymous_only_addresses']}）\n", out)
        self.assertIn(f"独立 IP       {expected['addresses']}\n", out)
        self.assertIn(f"峰值分钟      2026-12-26 20:18  {peak['count']} 次请求\n", out)
        self.assertIn(f"助力漏斗（人）：\n  1 登录  {expected['funnel']['login']}\n  2 落地页  {expected['funnel']['landing']}\n",
                      out)
        self.assertIn(f"省份：\n   1. 北京  {expected['provinces']['北京']} 次请求 · {expected['province_people']['北京']} 人\n",
                      out)
        self.assertIn(f"机型：\n   1. iPhone  {expected['models']['iPhone']} 次请求 · {expected['model_people']['iPhone']} 人\n",
                      out)


if __name__ == "__main__":
    unittest.main()

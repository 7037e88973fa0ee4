"""The simulated campaign day shipped through rsyslog into OpenSearch: parsed fields of known lines, and the
exact answer of every panel query and of the report, against what the generator produced."""
import subprocess
import sys
import unittest

from support import ELK, SAMPLE_DAY, URL, day_range, engine, sample, shipper_errors  # first: puts elk/tools on the path

import queries  # noqa: E402
import report  # noqa: E402

INDEX = f"jiasu-access-{SAMPLE_DAY:%Y.%m.%d}"


def buckets(response, agg):
    found = response["aggregations"][agg]["buckets"]
    if isinstance(found, dict):    # a filters aggregation names its buckets
        return {key: bucket["doc_count"] for key, bucket in found.items()}
    return {bucket.get("key_as_string", bucket["key"]): bucket["doc_count"] for bucket in found}


class SampleDay(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lines, cls.expected = sample()
        cls.start, cls.end = day_range(SAMPLE_DAY)

    def run_query(self, name):
        return queries.run(engine, name, self.start, self.end)

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

    def test_pv_and_uv(self):
        response = self.run_query("pv-uv")
        self.assertEqual(response["hits"]["total"]["value"], self.expected["pv"])
        self.assertEqual(response["aggregations"]["uv"]["value"], self.expected["uv"])

    def test_traffic_per_hour(self):
        per_hour = buckets(self.run_query("traffic-per-hour"), "per_hour")
        self.assertEqual({key[11:13]: value for key, value in per_hour.items()}, self.expected["hours"])
        self.assertTrue(all(key.startswith("2026-12-26T") and key.endswith("+08:00") for key in per_hour))

    def test_peak_minute(self):
        response = self.run_query("traffic-per-minute")
        peak = response["aggregations"]["peak"]
        self.assertEqual(peak["keys"], [self.expected["peak_minute"]["minute"] + ":00.000+08:00"])
        self.assertEqual(peak["value"], self.expected["peak_minute"]["count"])
        self.assertEqual(sum(buckets(response, "per_minute").values()), self.expected["pv"])

    def test_provinces(self):
        self.assertEqual(buckets(self.run_query("provinces"), "provinces"), self.expected["provinces"])

    def test_province_map_places_every_public_address(self):
        cells = buckets(self.run_query("province-map"), "cells")
        self.assertEqual(sum(cells.values()), self.expected["located"])
        self.assertEqual(cells["wx4"], self.expected["provinces"]["北京"])   # the Beijing cell holds Beijing

    def test_device_models(self):
        self.assertEqual(buckets(self.run_query("device-models"), "models"), self.expected["models"])

    def test_os_split(self):
        self.assertEqual(buckets(self.run_query("os"), "os"), self.expected["os"])

    def test_wechat_versions(self):
        self.assertEqual(buckets(self.run_query("wechat-versions"), "versions"), self.expected["wechat_versions"])

    def test_launch_scenes(self):
        self.assertEqual(buckets(self.run_query("scenes"), "scenes"), self.expected["scenes"])

    def test_help_funnel(self):
        steps = buckets(self.run_query("help-funnel"), "steps")
        funnel = self.expected["funnel"]
        self.assertEqual(steps, {"1 落地页": funnel["landing"], "2 登录": funnel["login"], "3 助力": funnel["help"],
                                 "4 参与": funnel["join"]})

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

    def test_report_summarises_the_day(self):
        summary = report.summary(engine, self.start, self.end, top=5)
        expected = self.expected
        self.assertEqual((summary["pv"], summary["uv"]), (expected["pv"], expected["uv"]))
        self.assertEqual(summary["peak_minute"], expected["peak_minute"])
        top_provinces = sorted(expected["provinces"].items(), key=lambda item: -item[1])[:5]
        self.assertEqual(summary["provinces"], [list(item) for item in top_provinces])
        top_models = sorted(expected["models"].items(), key=lambda item: -item[1])[:5]
        self.assertEqual(summary["models"], [list(item) for item in top_models])
        self.assertEqual(dict(summary["scenes"]), expected["scenes"])

    def test_report_command_prints_the_operator_summary(self):
        out = subprocess.run([str(ELK / "bin" / "report"), "--url", URL, "--from", "2026-12-26", "--to", "2026-12-27"],
                             check=True, capture_output=True, text=True).stdout
        beijing = self.expected["provinces"]["北京"]
        peak = self.expected["peak_minute"]
        self.assertIn(f"PV（请求数）  {self.expected['pv']}\n", out)
        self.assertIn(f"UV（独立 IP） {self.expected['uv']}\n", out)
        self.assertIn(f"峰值分钟      2026-12-26 20:18  {peak['count']} 次请求\n", out)
        self.assertIn(f"省份：\n   1. 北京  {beijing}\n", out)
        self.assertIn(f"机型：\n   1. iPhone  {self.expected['models']['iPhone']}\n", out)


if __name__ == "__main__":
    unittest.main()

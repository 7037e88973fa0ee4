"""The ingest pipeline, one rule at a time, run by the real engine on single lines (_simulate)."""
import datetime
import json
import unittest

from support import ELK, parsed, request

PIPELINE = json.loads((ELK / "engine" / "pipeline-access.json").read_text())
DAY = datetime.date(2026, 12, 26)
MI8 = ("Mozilla/5.0 (Linux; Android 10; MI 8 Build/QKQ1.190828.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
       "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 "
       "MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64 "
       "MiniProgramEnv/android")
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN")


def one(**fields):
    return parsed([request(DAY, 43200, **fields)])[0]


class ClientAddress(unittest.TestCase):
    def client(self, remote_addr, forwarded):
        return one(remote_addr=remote_addr, x_forwarded_for=forwarded)["_source"]["source"]["ip"]

    def test_client_is_the_first_untrusted_hop_from_the_right(self):
        self.assertEqual(self.client("100.64.12.7", "123.112.10.7, 203.0.113.9"), "123.112.10.7")

    def test_addresses_the_client_wrote_itself_are_not_believed(self):
        self.assertEqual(self.client("100.64.12.7", "1.2.3.4, 123.112.10.7, 203.0.113.9"), "123.112.10.7")
        self.assertEqual(self.client("100.64.12.7", "not-an-ip, 123.112.10.7, 203.0.113.9"), "123.112.10.7")

    def test_forwarded_header_is_ignored_when_the_peer_is_not_our_proxy(self):
        self.assertEqual(self.client("183.6.10.99", "123.112.10.8"), "183.6.10.99")

    def test_only_trusted_hops_leave_the_leftmost(self):
        self.assertEqual(self.client("100.64.12.7", "10.1.2.3"), "10.1.2.3")
        self.assertEqual(self.client("127.0.0.1", ""), "127.0.0.1")

    def test_ipv6_and_ipv4_mapped_clients(self):
        self.assertEqual(self.client("::1", "2408:8207:1851:1a20::1"), "2408:8207:1851:1a20::1")
        doc = one(remote_addr="100.64.12.7", x_forwarded_for="::ffff:101.80.10.23, 203.0.113.9")["_source"]
        self.assertEqual(doc["source"]["ip"], "::ffff:101.80.10.23")
        self.assertEqual(doc["source"]["geo"]["province"], "上海")

    def test_an_address_that_does_not_parse_sends_the_line_to_the_dead_letters(self):
        for remote, forwarded, reason in [
            ("999.1.1.1", "", "invalid IP in nginx.remote_addr: 999.1.1.1"),
            ("100.64.12.7", "123.112.10.7, <script>", "invalid IP in nginx.x_forwarded_for: <script>"),
            ("100.64.12.7", "1.2.3", "invalid IP in nginx.x_forwarded_for: 1.2.3"),
            ("100.64.12.7", "2001:db8::1::2", "invalid IP in nginx.x_forwarded_for: 2001:db8::1::2"),
        ]:
            doc = one(remote_addr=remote, x_forwarded_for=forwarded)
            self.assertTrue(doc["_index"].startswith("<jiasu-deadletter-"), doc)
            self.assertEqual(doc["_source"]["error"], {"reason": reason, "processor": "client-ip"})


class Routes(unittest.TestCase):
    def test_every_route_the_pipeline_knows_is_found_again_with_its_ids(self):
        # The pipeline's own list is the one route list: each template, filled in, must come back as itself.
        routes = next(step["script"]["params"]["routes"] for step in PIPELINE["processors"]
                      if step.get("script", {}).get("tag") == "request")
        ids = {"{cid}": "c2019", "{shareCode}": "K7Q2M9XP", "{name}": "9f86d081884c7d65.png"}
        uris = []
        for route in routes:
            for placeholder, value in ids.items():
                route = route.replace(placeholder, value)
            uris.append(route)
        for route, doc in zip(routes, parsed([request(DAY, 43200, uri=uri) for uri in uris])):
            self.assertEqual(doc["_source"]["api"], {"route": route, **({"campaign_id": "c2019"} if "{cid}" in route
                                                                          else {})}, route)

    def test_odd_paths_fall_into_fixed_buckets(self):
        cases = {
            "/api/v1/campaigns/c2019/players/me/": ("/api/v1/campaigns/{cid}/players/me", "c2019"),
            "/api/v1/campaigns/x/players/K7Q2M9XP/boosts": ("/api/v1/campaigns/{cid}/players/{shareCode}/boosts", "x"),
            "/api/v1/campaigns/c2019/players/K7Q2M9XP/boosts/extra": ("/api/(unknown)", None),
            "/api/v2/anything/at/all": ("/api/(unknown)", None),
            "/media/avatars/a/b.png": ("(other)", None),
            "/media/posters/x.png": ("(other)", None),
            "/": ("(other)", None),
            "/wp-login.php": ("(other)", None),
        }
        docs = parsed([request(DAY, 43200, uri=uri) for uri in cases])
        for (uri, (route, campaign)), doc in zip(cases.items(), docs):
            self.assertEqual(doc["_source"]["api"].get("route"), route, uri)
            self.assertEqual(doc["_source"]["api"].get("campaign_id"), campaign, uri)


class Visitor(unittest.TestCase):
    def test_the_apps_visitor_id_is_kept_as_the_visitor(self):
        doc = one(visitor="0f1e2d3c4b5a69788796a5b4c3d2e1f0")["_source"]
        self.assertEqual(doc["visitor"], "0f1e2d3c4b5a69788796a5b4c3d2e1f0")
        self.assertNotIn("visitor", doc["nginx"])

    def test_an_anonymous_request_names_nobody(self):
        self.assertNotIn("visitor", one(visitor="")["_source"])

    def test_a_visitor_that_is_not_32_hex_digits_goes_to_the_dead_letters(self):
        for visitor, reason in [
            ("0F1E2D3C4B5A69788796A5B4C3D2E1F0", "nginx.visitor is not 32 hex digits: 0F1E2D3C4B5A69788796A5B4C3D2E1F0"),
            ("alice", "nginx.visitor is not 32 hex digits: alice"),
            ("0" * 33, "nginx.visitor is longer than 32 characters (33)"),
        ]:
            doc = one(visitor=visitor)
            self.assertTrue(doc["_index"].startswith("<jiasu-deadletter-"), doc)
            self.assertEqual(doc["_source"]["error"]["reason"], reason)


class WeChat(unittest.TestCase):
    def test_android_user_agent_gives_model_version_network_and_language(self):
        doc = one(http_user_agent=MI8)["_source"]
        self.assertEqual(doc["device"], {"model": "MI 8"})
        self.assertEqual(doc["wechat"], {"version": "8.0.47", "version_full": "8.0.47.2560", "net_type": "4G",
                                         "language": "zh_CN"})
        self.assertEqual(doc["user_agent"]["os"], {"name": "Android", "version": "10", "full": "Android 10"})

    def test_iphone_user_agent_gives_the_iphone_and_ios(self):
        doc = one(http_user_agent=IPHONE)["_source"]
        self.assertEqual(doc["device"], {"model": "iPhone"})
        self.assertEqual(doc["wechat"]["version"], "8.0.50")
        self.assertEqual(doc["wechat"]["net_type"], "WIFI")
        self.assertEqual(doc["user_agent"]["os"]["full"], "iOS 17.5")

    def test_scene_numbers_get_their_names(self):
        names = {"1007": "单人聊天会话中的小程序消息卡片", "1008": "群聊会话中的小程序消息卡片",
                 "1047": "扫描小程序码", "1011": "扫描二维码", "1001": "发现栏小程序主入口",
                 "1089": "微信聊天主界面下拉「最近使用」栏", "4242": "其他场景"}
        docs = parsed([request(DAY, 43200, wx_scene=scene) for scene in names])
        for (scene, name), doc in zip(names.items(), docs):
            self.assertEqual(doc["_source"]["wechat"], {"scene": int(scene), "scene_name": name})

    def test_a_scene_that_is_not_a_number_is_left_out(self):
        self.assertNotIn("wechat", one(wx_scene="1008; drop table")["_source"])

    def test_referer_gives_appid_version_and_environment(self):
        cases = {"27": "release", "0": "develop", "devtools": "devtools"}
        docs = parsed([request(DAY, 43200, http_referer=f"https://servicewechat.com/wx5f2b9c0d1e3a4b6c/{v}/page-frame.html",
                               client_version="1.3.0") for v in cases])
        for (version, env), doc in zip(cases.items(), docs):
            self.assertEqual(doc["_source"]["miniprogram"], {"appid": "wx5f2b9c0d1e3a4b6c", "version": version,
                                                             "env": env, "client_version": "1.3.0"})
        self.assertNotIn("miniprogram", one(http_referer="https://example.com/wx1/2/page-frame.html")["_source"])


class Timing(unittest.TestCase):
    def test_timestamp_is_written_in_the_campaign_zone_and_local_day_and_hour_follow_it(self):
        # 16:30 UTC on the 25th is 00:30 on the 26th in Shanghai: the line belongs to the 26th's index.
        doc = parsed([request(DAY, 1800)])[0]
        self.assertEqual(doc["_source"]["@timestamp"], "2026-12-26T00:30:00.000+08:00")
        self.assertEqual(doc["_source"]["local"], {"date": "2026-12-26", "hour": 0})
        self.assertEqual(doc["_index"], "<jiasu-access-{2026.12.26||/d{yyyy.MM.dd|Asia/Shanghai}}>")

    def test_upstream_time_is_summed_over_retries_and_redirects(self):
        docs = parsed([request(DAY, 60, upstream_response_time="0.004, 0.025"),
                       request(DAY, 60, upstream_response_time="0.010 : 0.002"),
                       request(DAY, 60, upstream_response_time="-")])
        self.assertEqual(docs[0]["_source"]["upstream"], {"response_time": 0.029, "tries": 2})
        self.assertEqual(docs[1]["_source"]["upstream"], {"response_time": 0.012, "tries": 2})
        self.assertNotIn("upstream", docs[2]["_source"])

    def test_status_class(self):
        docs = parsed([request(DAY, 60, status=status) for status in (200, 304, 429, 502)])
        self.assertEqual([doc["_source"]["http"]["status_class"] for doc in docs], ["2xx", "3xx", "4xx", "5xx"])


if __name__ == "__main__":
    unittest.main()

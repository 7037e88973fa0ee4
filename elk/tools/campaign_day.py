"""A simulated campaign day as nginx access-log lines, with the answers every panel query must give.

The people come from real provincial address blocks (checked against GeoLite2), use real WeChat user agents
of iPhones and Android models, open the mini-program from share cards, code scans and the like, and walk the
help funnel (login, landing view, help, join) with a peak hour and one crowded minute. Each signed-in request
carries the person's visitor id (the app's X-Jiasu-Visitor, logged by nginx); logins WeChat refuses and the
public reads carry none. Some people share an address (a campus and a carrier NAT), one person comes from two
addresses, so people and addresses differ by known amounts. The expected numbers are counted from what was
generated, never from what the pipeline makes of it.

Usage: campaign_day.py OUT_DIR [--date 2026-12-26] [--people 2000] [--seed 2018]
writes OUT_DIR/access.json.log and OUT_DIR/expected.json.
"""
import argparse
import collections
import datetime
import json
import pathlib
import random
import zoneinfo

import nginx_log

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
CAMPAIGN = "c2019"
APPID = "wx5f2b9c0d1e3a4b6c"
HOST = "api.jiasu.example"
SLB = "100.64.12.7"            # nginx's peer in production: the load balancer
CDN_EDGES = ["203.0.113.9", "203.0.113.41"]   # stand-ins for the CDN's origin-pull addresses (trusted in tests)

# province (Chinese, as the pipeline names it) -> /24 blocks whose addresses GeoLite2 places there; weight.
PROVINCES = [
    ("北京", ["123.112.10", "114.242.10", "202.106.0"], 18),
    ("广东", ["183.6.10", "120.229.10", "113.108.10"], 12),
    ("上海", ["101.80.10", "116.224.10", "58.247.10"], 9),
    ("江苏", ["114.222.10", "180.110.10", "58.213.10"], 8),
    ("浙江", ["115.236.10", "122.224.10", "60.191.10"], 7),
    ("山东", ["123.235.10", "119.164.10", "60.208.10"], 6),
    ("四川", ["125.70.10", "118.112.10", "182.150.10"], 6),
    ("湖北", ["59.172.10", "219.140.10", "111.175.10"], 5),
    ("河南", ["123.52.10", "61.52.10"], 5),
    ("湖南", ["222.240.10", "175.0.10"], 4),
    ("福建", ["117.25.10", "110.80.10"], 4),
    ("陕西", ["117.36.10", "124.114.10"], 4),
    ("天津", ["60.24.10", "221.238.10"], 3),
    ("重庆", ["183.230.10", "222.180.10"], 3),
    (None, ["221.192.10", "8.8.4"], 2),   # China without a province in GeoLite2, and abroad
]
BLOCKS = {province: blocks for province, blocks, _ in PROVINCES}

# Many people behind one public address: a campus NAT in Beijing, a carrier NAT in Guangdong (address, province,
# people). Counting addresses, each is one user.
NATS = [("123.112.10.250", "北京", 40), ("183.6.10.250", "广东", 20)]
# One person seen from two addresses: home Wi-Fi in Jiangsu in the morning, 4G in Shanghai at night.
ROAMER_PLACES = [("江苏", 9), ("上海", 21)]
# Share of sign-ins WeChat refuses (a login code used twice): that person leaves without a visitor id.
LOGIN_REFUSED = 0.08

IOS = ("Mozilla/5.0 (iPhone; CPU iPhone OS {os} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Mobile/15E148 MicroMessenger/{wechat}(0x{hex}) NetType/{net} Language/zh_CN")
IPAD = ("Mozilla/5.0 (iPad; CPU OS {os} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Mobile/15E148 MicroMessenger/{wechat}(0x{hex}) NetType/{net} Language/zh_CN")
ANDROID = ("Mozilla/5.0 (Linux; Android {os}; {model} Build/{build}; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/{webid} "
           "MicroMessenger/{wechat}.{wechat_build}(0x{hex}) WeChat/arm64 Weixin NetType/{net} Language/zh_CN "
           "ABI/arm64 MiniProgramEnv/android")

# device model as the pipeline reports it, OS, user-agent template, Android build id, weight
DEVICES = [
    ("iPhone", "iOS", IOS, None, 40),
    ("iPad", "iOS", IPAD, None, 2),
    ("MI 8", "Android", ANDROID, "QKQ1.190828.002", 9),
    ("M2012K11AC", "Android", ANDROID, "RKQ1.200826.002", 8),
    ("NOH-AN00", "Android", ANDROID, "HUAWEINOH-AN00", 8),
    ("PGT-AN10", "Android", ANDROID, "HONORPGT-AN10", 7),
    ("PFDM00", "Android", ANDROID, "SP1A.210812.016", 7),
    ("V2055A", "Android", ANDROID, "RP1A.200720.012", 7),
    ("SM-S9080", "Android", ANDROID, "TP1A.220624.014", 6),
    ("2206123SC", "Android", ANDROID, "TKQ1.220807.001", 6),
]
IOS_VERSIONS = ["17_5", "17_4_1", "16_6", "15_7_2"]
ANDROID_VERSIONS = ["10", "11", "12", "13", "14"]
WECHAT_VERSIONS = [("8.0.50", "2701", "28003252", 40), ("8.0.49", "2600", "28003133", 30),
                   ("8.0.47", "2560", "28002F30", 20), ("8.0.44", "2480", "28002C3B", 10)]
NET_TYPES = [("WIFI", 55), ("4G", 30), ("5G", 15)]

# launch scene -> the name the pipeline gives it; weight
SCENES = [
    ("1008", "群聊会话中的小程序消息卡片", 34),
    ("1007", "单人聊天会话中的小程序消息卡片", 26),
    ("1047", "扫描小程序码", 10),
    ("1089", "微信聊天主界面下拉「最近使用」栏", 10),
    ("1011", "扫描二维码", 6),
    ("1001", "发现栏小程序主入口", 5),
    ("1058", "公众号文章", 5),
    ("1044", "带 shareTicket 的小程序消息卡片", 4),
]

# Relative traffic per hour of the day (campaign zone); the article goes out at 20:00.
HOUR_WEIGHTS = [2, 1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 9, 10, 9, 8, 8, 9, 11, 14, 18, 40, 22, 12, 5]
PEAK_MINUTE = (20, 18)         # a crowd from one group chat arrives in this minute
PEAK_VISITORS = 70

ROUTES = {
    "login": ("POST", "/api/v1/session"),
    "landing": ("GET", "/api/v1/campaigns/{cid}/players/{shareCode}"),
    "help": ("POST", "/api/v1/campaigns/{cid}/players/{shareCode}/boosts"),
    "join": ("POST", "/api/v1/campaigns/{cid}/players"),
    "me": ("GET", "/api/v1/campaigns/{cid}/players/me"),
    "leaderboard": ("GET", "/api/v1/campaigns/{cid}/leaderboard"),
    "my_boosts": ("GET", "/api/v1/campaigns/{cid}/players/me/boosts"),
    "stats": ("GET", "/api/v1/admin/campaigns/{cid}/stats"),
}
SLOW_SECONDS = 1.0
# The funnel's steps in order; the mini-program signs in before it shows anything, so login comes first.
FUNNEL = ["login", "landing", "help", "join"]
# The mini-program reads the public campaign data without its token (miniprogram/src/lib/api.js): no visitor id.
ANONYMOUS_STEPS = {"leaderboard", "stats"}


class Generator:
    """Builds the day's requests in time order and counts what each panel must show."""

    def __init__(self, day, people, seed):
        self.day = day
        self.random = random.Random(seed)
        self.people = people
        self.roamer = None
        self.requests = []
        self.used_ips = set()

    def pick(self, table):
        """A row of the table, drawn by the weight in its last column."""
        return self.random.choices(table, weights=[row[-1] for row in table])[0]

    def hex_id(self, length=32):
        return "".join(self.random.choice("0123456789abcdef") for _ in range(length))

    def share_code(self):
        return "".join(self.random.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))

    def address(self, blocks):
        """An address not used by anyone else (the NATs and the roamer are the deliberate exceptions)."""
        while True:
            ip = f"{self.random.choice(blocks)}.{self.random.randint(1, 254)}"
            if ip not in self.used_ips:
                self.used_ips.add(ip)
                return ip

    def person(self):
        """Someone with a phone: their visitor id (an opaque 32-hex id, as the app makes), device and WeChat."""
        model, os_name, template, build, _ = self.pick(DEVICES)
        wechat, wechat_build, hex_code, _ = self.pick(WECHAT_VERSIONS)
        net = self.pick(NET_TYPES)[0]
        if os_name == "iOS":
            agent = template.format(os=self.random.choice(IOS_VERSIONS), wechat=wechat, hex=hex_code.lower(), net=net)
        else:
            agent = template.format(os=self.random.choice(ANDROID_VERSIONS), model=model, build=build,
                                    webid=self.random.randint(1000, 9999), wechat=wechat,
                                    wechat_build=wechat_build, hex=hex_code, net=net)
        return {"id": self.hex_id(), "model": model, "os": os_name, "agent": agent, "wechat": wechat}

    def place(self, province=None, ip=None):
        """Where one visit comes from: an address (fresh in the province's blocks unless given) and the scene."""
        if province is None and ip is None:
            province = self.pick(PROVINCES)[0]
        scene, scene_name, _ = self.pick(SCENES)
        return {"ip": ip or self.address(BLOCKS[province]), "province": province, "scene": scene,
                "scene_name": scene_name}

    def request(self, when, person, place, step, status=None, seconds=None, shared=None):
        method, route = ROUTES[step]
        when = when.replace(microsecond=when.microsecond // 1000 * 1000)   # nginx logs milliseconds
        uri = route.replace("{cid}", CAMPAIGN).replace("{shareCode}", shared or "")
        status = status or (201 if method == "POST" else 200)
        seconds = seconds if seconds is not None else round(self.random.uniform(0.002, 0.060), 3)
        # The app names the user on every answer to their session, and on a login's answer; nginx's own 502 and
        # 504 (no instance answered) and refused logins carry nothing.
        signed_in = person is not None and step not in ANONYMOUS_STEPS and status not in (401, 502, 504)
        forwarded = f"{place['ip']}, {self.random.choice(CDN_EDGES)}"
        if self.random.random() < 0.03:
            # A client that sends its own X-Forwarded-For: the pipeline must not believe it.
            forwarded = f"1.2.3.4, {forwarded}"
        request = {
            "when": when, "person": person, "place": place, "step": step, "method": method, "route": route,
            "time": when.isoformat(timespec="seconds"), "msec": when.timestamp(),
            "request_id": self.hex_id(), "remote_addr": SLB, "x_forwarded_for": forwarded, "host": HOST,
            "uri": uri, "protocol": "HTTP/2.0", "status": status,
            "body_bytes_sent": self.random.randint(60, 900), "request_length": self.random.randint(300, 1200),
            "request_time": seconds, "upstream_addr": "10.0.1.11:8080", "upstream_status": str(status),
            "upstream_response_time": f"{max(seconds - 0.001, 0):.3f}",
            "http_user_agent": person["agent"] if person else "",
            "http_referer": f"https://servicewechat.com/{APPID}/27/page-frame.html",
            "wx_scene": place["scene"], "client_version": "1.3.0",
            "visitor": person["id"] if signed_in else "",
        }
        self.requests.append(request)
        return request

    def session(self, start, person, place, crowded=False):
        """One visit through the funnel; seconds apart, all inside the start's minute when crowded."""
        shared = self.share_code()
        steps = ["login"]
        refused = self.random.random() < LOGIN_REFUSED
        if not refused and self.random.random() < 0.95:
            steps.append("landing")
            if self.random.random() < 0.8:
                steps.append("help")
            if self.random.random() < 0.45:
                steps += ["join", "me", "leaderboard"]
                if self.random.random() < 0.5:
                    steps.append("my_boosts")
        when = start
        for step in steps:
            status, seconds = None, None
            if step == "login" and refused:
                status = 401              # WX_CODE_INVALID
            if step == "help":
                roll = self.random.random()
                peak = start.hour == 20
                if roll < 0.06:
                    status = 409          # ALREADY_BOOSTED
                elif peak and roll < 0.09:
                    status = 502          # an app instance restarting under the crowd
                elif peak and roll < 0.11:
                    status, seconds = 504, 3.0
            if step == "leaderboard" and start.hour == 20 and self.random.random() < 0.2:
                seconds = round(self.random.uniform(SLOW_SECONDS, 2.5), 3)
            self.request(when, person, place, step, status, seconds, shared if step in ("landing", "help") else None)
            gap = self.random.uniform(0.2, 0.6) if crowded else self.random.uniform(1, 20)
            when = when + datetime.timedelta(seconds=gap)

    def operator_and_probes(self):
        """The operator checks the stats every half hour; the load balancer probes nginx every ten minutes."""
        office = {"ip": "123.112.10.200", "province": "北京", "scene": "", "scene_name": None}
        operator = {"id": None, "model": "Other", "os": "Windows", "wechat": None,
                    "agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "Chrome/131.0.0.0 Safari/537.36"}
        self.used_ips.add(office["ip"])
        midnight = datetime.datetime.combine(self.day, datetime.time(), ZONE)
        for half_hour in range(48):
            request = self.request(midnight + datetime.timedelta(minutes=30 * half_hour, seconds=5), operator, office,
                                   "stats")
            request["http_referer"] = ""
            request["client_version"] = ""
        probe = {"ip": SLB, "province": None, "scene": "", "scene_name": None}
        for tenth in range(144):
            when = midnight + datetime.timedelta(minutes=10 * tenth, seconds=30)
            self.requests.append({
                "when": when, "person": None, "place": probe, "step": "probe", "method": "GET", "route": "(other)",
                "time": when.isoformat(timespec="seconds"), "msec": when.timestamp(), "request_id": self.hex_id(),
                "remote_addr": SLB, "host": HOST, "uri": "/nginx-health", "protocol": "HTTP/1.1", "status": 200,
                "body_bytes_sent": 2, "request_length": 80, "request_time": 0.0, "visitor": ""})

    def start_in(self, hour=None):
        """A visit's start: in the given hour or one drawn by the day's curve, never in the crowded minute."""
        hour = self.random.choices(range(24), weights=HOUR_WEIGHTS)[0] if hour is None else hour
        start = datetime.datetime.combine(self.day, datetime.time(hour), ZONE) + datetime.timedelta(
            seconds=self.random.uniform(0, 3300))
        if (start.hour, start.minute) == PEAK_MINUTE:
            start += datetime.timedelta(minutes=2)     # the crowded minute holds only the crowd and stragglers
        return start

    def build(self):
        for ip, _, _ in NATS:
            self.used_ips.add(ip)
        for _ in range(self.people):
            self.session(self.start_in(), self.person(), self.place())
        for ip, province, people in NATS:
            for _ in range(people):
                self.session(self.start_in(), self.person(), self.place(province, ip))
        roamer = self.person()
        self.roamer = roamer["id"]
        for province, hour in ROAMER_PLACES:
            self.session(self.start_in(hour), roamer, self.place(province))
        peak = datetime.datetime.combine(self.day, datetime.time(*PEAK_MINUTE), ZONE)
        for _ in range(PEAK_VISITORS):
            self.session(peak + datetime.timedelta(seconds=self.random.uniform(0, 50)), self.person(), self.place(),
                         crowded=True)
        self.operator_and_probes()
        self.requests.sort(key=lambda request: request["msec"])
        return self.requests


def known_lines(day):
    """Hand-written requests whose every parsed field the tests check (with what they count for, like the rest)."""
    noon = datetime.datetime.combine(day, datetime.time(12, 0, 7, 250000), ZONE)
    mi8 = ("Mozilla/5.0 (Linux; Android 10; MI 8 Build/QKQ1.190828.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 "
           "MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64 "
           "MiniProgramEnv/android")
    beijing_mi8 = {
        "time": noon.isoformat(timespec="seconds"), "msec": noon.timestamp(),
        "request_id": "5eed0000000000000000000000000001", "remote_addr": SLB,
        "x_forwarded_for": "10.9.8.7, 123.112.10.7, 203.0.113.9", "host": HOST, "method": "POST",
        "uri": f"/api/v1/campaigns/{CAMPAIGN}/players/K7Q2M9XP/boosts", "protocol": "HTTP/2.0", "status": 201,
        "body_bytes_sent": 96, "request_length": 611, "request_time": 0.031,
        "upstream_addr": "10.0.1.11:8080, 10.0.1.12:8080", "upstream_status": "502, 201",
        "upstream_response_time": "0.004, 0.025", "http_user_agent": mi8,
        "http_referer": f"https://servicewechat.com/{APPID}/27/page-frame.html", "wx_scene": "1008",
        "client_version": "1.3.0", "visitor": "5eedbeef000000000000000000000001",
        "when": noon, "step": "help", "route": ROUTES["help"][1],
        "person": {"id": "5eedbeef000000000000000000000001", "model": "MI 8", "os": "Android", "wechat": "8.0.47"},
        "place": {"ip": "123.112.10.7", "province": "北京", "scene_name": "群聊会话中的小程序消息卡片"},
    }
    shanghai_iphone = dict(
        beijing_mi8, request_id="5eed0000000000000000000000000002", x_forwarded_for="101.80.10.23, 203.0.113.41",
        method="GET", uri=f"/api/v1/campaigns/{CAMPAIGN}/players/me/", status=200, upstream_status="200",
        upstream_response_time="0.008", upstream_addr="10.0.1.12:8080", request_time=0.009, wx_scene="1007",
        http_user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                        "Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN",
        http_referer=f"https://servicewechat.com/{APPID}/0/page-frame.html",
        visitor="5eedbeef000000000000000000000002", step="me", route=ROUTES["me"][1],
        person={"id": "5eedbeef000000000000000000000002", "model": "iPhone", "os": "iOS", "wechat": "8.0.50"},
        place={"ip": "101.80.10.23", "province": "上海", "scene_name": "单人聊天会话中的小程序消息卡片"})
    # Straight to nginx, no CDN: its X-Forwarded-For is the client's own claim and is ignored. A public read: the
    # mini-program sends no token with it, so nobody is named.
    direct_spoof = dict(
        beijing_mi8, request_id="5eed0000000000000000000000000003", remote_addr="183.6.10.99",
        x_forwarded_for="123.112.10.8", method="GET", uri=f"/api/v1/campaigns/{CAMPAIGN}/leaderboard",
        status=200, wx_scene="1047", http_referer="https://servicewechat.com/" + APPID + "/devtools/page-frame.html",
        visitor="", step="leaderboard", route=ROUTES["leaderboard"][1],
        person={"id": None, "model": "MI 8", "os": "Android", "wechat": "8.0.47"},
        place={"ip": "183.6.10.99", "province": "广东", "scene_name": "扫描小程序码"})
    return [beijing_mi8, shanghai_iphone, direct_spoof]


def minute_key(when):
    return when.strftime("%Y-%m-%dT%H:%M")


def people_by(requests, key):
    """Distinct visitor ids per key(request), for every key the requests have (0 where nobody was signed in);
    keys that are None are left out."""
    found = collections.defaultdict(set)
    for request in requests:
        group = key(request)
        if group is not None:
            found[group].update([request["visitor"]] if request["visitor"] else [])
    return {group: len(visitors) for group, visitors in found.items()}


def is_public_api(request):
    """The users' API: what a person's requests hit (operators' paths and the load balancer's probe are not)."""
    return request["route"].startswith("/api/v1/") and not request["route"].startswith("/api/v1/admin/")


def expected_counts(requests):
    """What each query must answer for the sample."""
    count = collections.Counter
    person = lambda request: request["person"] or {}  # noqa: E731
    place = lambda request: request["place"]  # noqa: E731
    per_minute = count(minute_key(request["when"]) for request in requests)
    peak_minute, peak_count = per_minute.most_common(1)[0]
    hour = lambda request: f"{request['when'].hour:02d}"  # noqa: E731
    hour_addresses = collections.defaultdict(set)
    for request in requests:
        hour_addresses[hour(request)].add(place(request)["ip"])
    named = {place(request)["ip"] for request in requests if request["visitor"]}
    anonymous_only = {place(request)["ip"] for request in requests if is_public_api(request)} - named
    people = {request["visitor"] for request in requests if request["visitor"]}
    expected = {
        "pv": len(requests),
        "addresses": len({place(request)["ip"] for request in requests}),
        "people": len(people),
        "anonymous_only_addresses": len(anonymous_only),
        "uv": len(people) + len(anonymous_only),
        "provinces": count(place(r)["province"] for r in requests if place(r)["province"]),
        "province_people": people_by(requests, lambda r: place(r)["province"]),
        "models": count(person(r)["model"] for r in requests if person(r).get("model")),
        "model_people": people_by(requests, lambda r: person(r).get("model")),
        "os": count(person(r)["os"] for r in requests if person(r).get("os")),
        "wechat_versions": count(person(r)["wechat"] for r in requests if person(r).get("wechat")),
        "scenes": count(place(r)["scene_name"] for r in requests if place(r)["scene_name"]),
        "scene_people": people_by(requests, lambda r: place(r)["scene_name"]),
        "hours": count(hour(r) for r in requests),
        "hour_people": people_by(requests, hour),
        "hour_addresses": {key: len(ips) for key, ips in hour_addresses.items()},
        "peak_minute": {"minute": peak_minute, "count": peak_count},
        "funnel": {step: people_by([r for r in requests if r["step"] == step], lambda r: step)[step]
                   for step in FUNNEL},
        "errors": count(f"{r['route']} {r['status']}" for r in requests if r["status"] >= 500),
        "slow": count(r["route"] for r in requests if r["request_time"] >= SLOW_SECONDS),
        "slowest": max(r["request_time"] for r in requests),
        "status_classes": count(f"{r['status'] // 100}xx" for r in requests),
        "located": sum(1 for r in requests if r["step"] != "probe"),
        "nats": {ip: people_by([r for r in requests if place(r)["ip"] == ip], lambda r: ip)[ip] for ip, _, _ in NATS},
    }
    assert per_minute.most_common(2)[1][1] < peak_count, "the crowded minute must stand out"
    return {key: dict(value) if isinstance(value, collections.Counter) else value for key, value in expected.items()}


def generate(day=datetime.date(2026, 12, 26), people=2000, seed=2018):
    """The day's log lines (known lines first) and the expected answers."""
    generator = Generator(day, people, seed)
    requests = known_lines(day) + generator.build()
    expected = expected_counts(requests)
    roamer = {place["ip"] for place in (r["place"] for r in requests if r["visitor"] == generator.roamer)}
    expected["roamer"] = {"visitor": generator.roamer, "addresses": len(roamer)}
    return [nginx_log.line(request) for request in requests], expected


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date(2026, 12, 26))
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    lines, expected = generate(args.date, args.people, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "access.json.log").write_text("".join(line + "\n" for line in lines))
    (args.out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=True))
    print(f"{len(lines)} lines for {args.date} in {args.out}")


if __name__ == "__main__":
    main()

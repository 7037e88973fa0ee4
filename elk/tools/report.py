"""The operator's summary of a time range: PV, UV in people, the help funnel in people, top provinces, top phone
models, launch scenes, peak minute.

UV counts people: the distinct visitor ids (the app's opaque per-user id, logged by nginx), plus, for those who never
signed in, the addresses of users' API requests on which nobody signed in during the range. Someone who never signed
in behind a NAT with signed-in neighbours is not seen, so UV is a lower bound; nobody is counted twice.

Usage: report.py [--url URL] [--from ISO] [--to ISO] [--top N] [--json]
Times without an offset are read in the campaign zone (Asia/Shanghai); the default range is today there.
"""
import argparse
import datetime
import json
import sys
import zoneinfo

import queries
from engine import Engine

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")


def terms(response, agg):
    """[name, requests, people] per bucket, as the engine ordered them (by requests)."""
    return [[bucket["key"], bucket["doc_count"], bucket["people"]["value"]]
            for bucket in response["aggregations"][agg]["buckets"]]


def anonymous_only_addresses(engine, start, end):
    """Addresses of users' API requests (not the operators' paths) on which nobody was signed in all range: a
    composite aggregation over the addresses, paged to the end, so the count is exact however many there are."""
    body = {
        "size": 0,
        "query": {"bool": {
            "filter": [{"range": {"@timestamp": {"gte": start.isoformat(), "lt": end.isoformat()}}},
                       {"prefix": {"api.route": "/api/v1/"}}],
            "must_not": [{"prefix": {"api.route": "/api/v1/admin/"}}]}},
        "aggs": {"addresses": {
            "composite": {"size": 1000, "sources": [{"ip": {"terms": {"field": "source.ip"}}}]},
            "aggs": {"signed_in": {"filter": {"exists": {"field": "visitor"}}}}}},
    }
    found = 0
    while True:
        page = engine.search(queries.INDEX, body)["aggregations"]["addresses"]
        found += sum(1 for bucket in page["buckets"] if bucket["signed_in"]["doc_count"] == 0)
        if "after_key" not in page or not page["buckets"]:
            return found
        body["aggs"]["addresses"]["composite"]["after"] = page["after_key"]


def summary(engine, start, end, top=10):
    totals = queries.run(engine, "pv-uv", start, end)
    people = totals["aggregations"]["people"]["value"]
    anonymous = anonymous_only_addresses(engine, start, end)
    funnel = queries.run(engine, "help-funnel", start, end)["aggregations"]["steps"]["buckets"]
    minutes = queries.run(engine, "traffic-per-minute", start, end)["aggregations"]
    peak = None
    if minutes["per_minute"]["buckets"]:
        # max_bucket names every minute that shares the top count; the earliest is reported.
        first = datetime.datetime.fromisoformat(minutes["peak"]["keys"][0]).astimezone(ZONE)
        peak = {"minute": first.strftime("%Y-%m-%dT%H:%M"), "count": int(minutes["peak"]["value"])}
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "pv": totals["hits"]["total"]["value"],
        "uv": people + anonymous,
        "people": people,
        "anonymous_addresses": anonymous,
        "addresses": totals["aggregations"]["addresses"]["value"],
        "funnel": [[step, funnel[step]["people"]["value"]] for step in sorted(funnel)],
        "provinces": terms(queries.run(engine, "provinces", start, end), "provinces")[:top],
        "models": terms(queries.run(engine, "device-models", start, end), "models")[:top],
        "scenes": terms(queries.run(engine, "scenes", start, end), "scenes"),
        "peak_minute": peak,
    }


def render(report):
    start = datetime.datetime.fromisoformat(report["from"]).astimezone(ZONE)
    end = datetime.datetime.fromisoformat(report["to"]).astimezone(ZONE)
    out = [f"加速活动访问报告  {start:%Y-%m-%d %H:%M} 至 {end:%Y-%m-%d %H:%M}（{ZONE.key}）",
           f"PV（请求数）  {report['pv']}",
           f"UV（人）      {report['uv']}（登录用户 {report['people']}，未登录的地址 {report['anonymous_addresses']}）",
           f"独立 IP       {report['addresses']}"]
    peak = report["peak_minute"]
    out.append(f"峰值分钟      {peak['minute'].replace('T', ' ')}  {peak['count']} 次请求" if peak else "峰值分钟      无")
    out.append("助力漏斗（人）：")
    out += [f"  {step}  {people}" for step, people in report["funnel"]]
    for title, rows in (("省份", report["provinces"]), ("机型", report["models"]), ("启动场景", report["scenes"])):
        out.append(f"{title}：")
        out += [f"  {rank:>2}. {name}  {count} 次请求 · {people} 人"
                for rank, (name, count, people) in enumerate(rows, 1)] or ["  （无）"]
    return "\n".join(out)


def moment(text):
    value = datetime.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=ZONE)


def main():
    today = datetime.datetime.now(ZONE).replace(hour=0, minute=0, second=0, microsecond=0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:18200")
    parser.add_argument("--from", dest="start", type=moment, default=today)
    parser.add_argument("--to", dest="end", type=moment, default=today + datetime.timedelta(days=1))
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()
    report = summary(Engine(args.url), args.start, args.end, args.top)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render(report))


if __name__ == "__main__":
    sys.exit(main())

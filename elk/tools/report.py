"""The operator's summary of a time range: PV, UV, top provinces, top phone models, launch scenes, peak minute.

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
    return [[bucket["key"], bucket["doc_count"]] for bucket in response["aggregations"][agg]["buckets"]]


def summary(engine, start, end, top=10):
    totals = queries.run(engine, "pv-uv", start, end)
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
        "uv": totals["aggregations"]["uv"]["value"],
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
           f"UV（独立 IP） {report['uv']}"]
    peak = report["peak_minute"]
    out.append(f"峰值分钟      {peak['minute'].replace('T', ' ')}  {peak['count']} 次请求" if peak else "峰值分钟      无")
    for title, rows in (("省份", report["provinces"]), ("机型", report["models"]), ("启动场景", report["scenes"])):
        out.append(f"{title}：")
        out += [f"  {rank:>2}. {name}  {count}" for rank, (name, count) in enumerate(rows, 1)] or ["  （无）"]
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

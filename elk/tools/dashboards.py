"""Builds the saved-objects NDJSON (index pattern, one visualization per panel, the dashboard) from the panel
queries in elk/queries/, so each panel aggregates exactly what its query file does.

Usage: dashboards.py [--check]   writes elk/dashboards/jiasu-access.ndjson, or checks it is up to date.
The objects use the 7.10 saved-object format, which Kibana 7.10+/8.x and OpenSearch Dashboards import
(Stack Management / Dashboards Management > Saved objects > Import).
"""
import json
import pathlib
import sys

import queries

OUT = pathlib.Path(__file__).resolve().parent.parent / "dashboards" / "jiasu-access.ndjson"
INDEX_PATTERN_ID = "jiasu-access"
DASHBOARD_ID = "jiasu-access-overview"
METRIC_AGGS = {"cardinality", "max", "min", "avg", "sum", "percentiles"}
INTERVALS = {"1h": "h", "1m": "m", "1d": "d"}

# query file, panel title, visualization type, width and height on the 48-column dashboard grid
PANELS = [
    ("pv-uv", "PV、人数与独立 IP", "metric", 12, 8),
    ("traffic-per-hour", "每小时请求数、人数与独立 IP", "line", 36, 12),
    ("traffic-per-minute", "每分钟请求数（峰值分钟）", "line", 48, 12),
    ("province-map", "用户地图", "tile_map", 24, 18),
    ("provinces", "省份分布（请求数与人数）", "table", 24, 18),
    ("device-models", "机型 Top 15（请求数与人数）", "horizontal_bar", 24, 15),
    ("os", "操作系统", "pie", 12, 15),
    ("wechat-versions", "微信版本", "pie", 12, 15),
    ("scenes", "启动场景（请求数与人数）", "horizontal_bar", 24, 15),
    ("help-funnel", "助力漏斗（人）：登录 → 落地页 → 助力 → 参与", "histogram", 24, 15),
    ("status-per-hour", "每小时状态码分类", "histogram", 48, 12),
    ("errors", "5xx 错误（按接口与状态码）", "table", 24, 15),
    ("slow-requests", "慢请求（≥1 秒，按接口）", "table", 24, 15),
]


def metric(agg_id, kind, body):
    params = {"field": body["field"]}
    if kind == "percentiles":
        params["percents"] = body["percents"]
    return {"id": agg_id, "enabled": True, "type": kind, "schema": "metric", "params": params}


def bucket(agg_id, kind, body, schema):
    if kind == "date_histogram":
        params = {"field": body["field"], "interval": INTERVALS[body["fixed_interval"]], "min_doc_count": 1,
                  "extended_bounds": {}, "useNormalizedEsInterval": True, "drop_partials": False}
    elif kind == "terms":
        params = {"field": body["field"], "size": body["size"], "order": "desc", "orderBy": "1",
                  "otherBucket": False, "missingBucket": False}
    elif kind == "filters":
        params = {"filters": [{"input": {"query": clause["query_string"]["query"], "language": "lucene"},
                               "label": label} for label, clause in body["filters"].items()]}
    elif kind == "geohash_grid":
        params = {"field": body["field"], "autoPrecision": True, "precision": body["precision"],
                  "useGeocentroid": True, "isFilteredByCollar": True}
    else:
        raise ValueError(f"no panel form for a {kind} aggregation")
    return {"id": agg_id, "enabled": True, "type": kind, "schema": schema, "params": params}


def vis_aggs(aggs, vis_type):
    """Count first, then the query's metrics and buckets in nesting order; pipeline aggs stay report-only."""
    out = [{"id": "1", "enabled": True, "type": "count", "schema": "metric", "params": {}}]

    def walk(level, depth):
        for body in level.values():
            kind = next(key for key in body if key != "aggs")
            agg_id = str(len(out) + 1)
            if kind in METRIC_AGGS:
                out.append(metric(agg_id, kind, body[kind]))
            elif kind.endswith("_bucket"):
                continue
            else:
                schema = "bucket" if vis_type == "table" else ("segment" if depth == 0 else "group")
                out.append(bucket(agg_id, kind, body[kind], schema))
            walk(body.get("aggs", {}), depth + 1)

    walk(aggs, 0)
    return out


def chart_params(vis_type, metrics, stacked):
    horizontal = vis_type == "horizontal_bar"
    series = "line" if vis_type == "line" else "histogram"
    return {
        "type": vis_type, "addTooltip": True, "addLegend": True, "legendPosition": "right", "times": [],
        "addTimeMarker": False, "grid": {"categoryLines": False},
        "categoryAxes": [{"id": "CategoryAxis-1", "type": "category", "position": "left" if horizontal else "bottom",
                          "show": True, "style": {}, "scale": {"type": "linear"},
                          "labels": {"show": True, "filter": not horizontal, "truncate": 200}, "title": {}}],
        "valueAxes": [{"id": "ValueAxis-1", "name": "LeftAxis-1", "type": "value",
                       "position": "bottom" if horizontal else "left", "show": True, "style": {},
                       "scale": {"type": "linear", "mode": "normal"},
                       "labels": {"show": True, "rotate": 0, "filter": False, "truncate": 100}, "title": {}}],
        "seriesParams": [{"show": True, "type": series, "mode": "stacked" if stacked else "normal",
                          "data": {"label": label, "id": agg["id"]}, "valueAxis": "ValueAxis-1",
                          "drawLinesBetweenPoints": True, "lineWidth": 2, "showCircles": True}
                         for agg, label in metrics],
    }


# What a metric is called on a panel: requests, people (distinct visitor ids) or addresses.
METRIC_LABELS = {("count", None): "请求数", ("cardinality", "visitor"): "人数", ("cardinality", "source.ip"): "独立 IP"}


def vis_params(vis_type, aggs):
    metrics = [(agg, METRIC_LABELS.get((agg["type"], agg["params"].get("field")), agg["type"]))
               for agg in aggs if agg["schema"] == "metric"]
    if vis_type in ("line", "histogram", "horizontal_bar"):
        return chart_params(vis_type, metrics, stacked=any(agg["schema"] == "group" for agg in aggs))
    if vis_type == "table":
        return {"perPage": 20, "showPartialRows": False, "showMetricsAtAllLevels": False, "showTotal": True,
                "totalFunc": "sum", "percentageCol": ""}
    if vis_type == "pie":
        return {"type": "pie", "addTooltip": True, "addLegend": True, "legendPosition": "right", "isDonut": True,
                "labels": {"show": True, "values": True, "last_level": True, "truncate": 100}}
    if vis_type == "metric":
        return {"type": "metric", "addTooltip": True, "addLegend": False,
                "metric": {"percentageMode": False, "useRanges": False, "colorSchema": "Green to Red",
                           "metricColorMode": "None", "colorsRange": [{"from": 0, "to": 10000}],
                           "labels": {"show": True}, "invertColors": False,
                           "style": {"bgFill": "#000", "bgColor": False, "labelColor": False, "subText": "",
                                     "fontSize": 48}}}
    if vis_type == "tile_map":
        return {"colorSchema": "Yellow to Red", "mapType": "Scaled Circle Markers", "isDesaturated": True,
                "addTooltip": True, "heatClusterSize": 1.5, "legendPosition": "bottomright", "mapZoom": 4,
                "mapCenter": [35, 105], "wms": {"enabled": False}}
    raise ValueError(vis_type)


def panel_query_string(body):
    clauses = [clause["query_string"]["query"] for clause in body["query"]["bool"]["filter"] if "query_string" in clause]
    return " AND ".join(clauses)


def visualization(name, title, vis_type):
    body = queries.load(name)
    aggs = vis_aggs(body["aggs"], vis_type)
    search_source = {"query": {"query": panel_query_string(body), "language": "lucene"}, "filter": [],
                     "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"}
    state = {"title": title, "type": vis_type, "aggs": aggs, "params": vis_params(vis_type, aggs)}
    return {
        "id": f"jiasu-{name}", "type": "visualization", "migrationVersion": {"visualization": "7.10.0"},
        "attributes": {"title": title, "description": f"elk/queries/{name}.json", "version": 1,
                       "uiStateJSON": "{}", "visState": json.dumps(state, ensure_ascii=False),
                       "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(search_source, ensure_ascii=False)}},
        "references": [{"id": INDEX_PATTERN_ID, "name": "kibanaSavedObjectMeta.searchSourceJSON.index",
                        "type": "index-pattern"}],
    }


def dashboard():
    panels, references, x, y, row_height = [], [], 0, 0, 0
    for number, (name, _, _, width, height) in enumerate(PANELS):
        if x + width > 48:
            x, y, row_height = 0, y + row_height, 0
        panel_index = str(number + 1)
        panels.append({"version": "7.10.2", "panelIndex": panel_index, "panelRefName": f"panel_{number}",
                       "gridData": {"x": x, "y": y, "w": width, "h": height, "i": panel_index},
                       "embeddableConfig": {}})
        references.append({"id": f"jiasu-{name}", "name": f"panel_{number}", "type": "visualization"})
        x, row_height = x + width, max(row_height, height)
    return {
        "id": DASHBOARD_ID, "type": "dashboard", "migrationVersion": {"dashboard": "7.9.3"},
        "attributes": {
            "title": "加速活动 · 访问分析", "version": 1, "hits": 0,
            "description": "nginx 访问日志：流量与人数（按访客标识）、省份、机型、微信版本、启动场景、助力漏斗、错误与慢请求",
            "panelsJSON": json.dumps(panels, ensure_ascii=False),
            "optionsJSON": json.dumps({"hidePanelTitles": False, "useMargins": True}),
            "timeRestore": True, "timeFrom": "now-24h", "timeTo": "now",
            "refreshInterval": {"pause": False, "value": 60000},
            "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(
                {"query": {"query": "", "language": "lucene"}, "filter": []})},
        },
        "references": references,
    }


def objects():
    index_pattern = {
        "id": INDEX_PATTERN_ID, "type": "index-pattern", "migrationVersion": {"index-pattern": "7.6.0"},
        "attributes": {"title": queries.INDEX, "timeFieldName": "@timestamp", "fields": "[]"},
        "references": [],
    }
    return [index_pattern] + [visualization(name, title, kind) for name, title, kind, _, _ in PANELS] + [dashboard()]


def ndjson():
    return "".join(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n" for item in objects())


def main():
    text = ndjson()
    if sys.argv[1:] == ["--check"]:
        if OUT.read_text() != text:
            sys.exit(f"{OUT} is out of date: run elk/tools/dashboards.py")
        return
    OUT.write_text(text)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

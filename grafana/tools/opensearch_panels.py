"""The search requests Grafana's OpenSearch datasource (grafana-opensearch-datasource 2.x) sends for a dashboard
panel's Lucene metric query, so the tests can run exactly those against the real engine (Grafana can't run here).

It follows the plugin's backend (pkg/opensearch/lucene_handler.go, client/search_request.go, client/models.go,
client/client.go): a bool filter of the time range (epoch_millis, both ends inclusive) and the query string; bucket
aggregations nested in the order the query lists them; metrics (all but count) inside the innermost one, and inside
a terms aggregation ordered by one of them; one `_msearch` line pair per query. Only what the Jiasu dashboards use is
translated (terms, filters, date_histogram with a fixed interval, geohash_grid, histogram; field metrics); anything
else raises, so a panel the tests can't reproduce faithfully fails loudly. So does a query whose answer the plugin
would draw as nothing: its response parser reads the innermost buckets as a list, and a filters aggregation answers
with keyed buckets, so filters only work with another bucket aggregation (a date histogram) inside them.
Python standard library only.
"""
import json
import re

MSEARCH_PARAMS = "max_concurrent_shard_requests=5"   # the plugin's default for OpenSearch
DEFAULT_TERMS_SIZE = 500
METRIC_TYPES = {"avg", "sum", "max", "min", "cardinality", "extended_stats", "percentiles"}


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _query_string(query):
    return {"query_string": {"query": query, "analyze_wildcard": True}}


def _metric(metric):
    if metric["type"] not in METRIC_TYPES:
        raise ValueError(f"metric {metric['type']} is not translated")
    body = {"field": metric.get("field", "")}
    body.update({key: value for key, value in (metric.get("settings") or {}).items() if key and value is not None})
    return {metric["type"]: body}


def _bucket(agg, metrics, time_from, time_to, time_field):
    """One bucket aggregation as the plugin writes it, and the metrics it must hold itself (a terms order)."""
    settings = dict(agg.get("settings") or {})
    if "min_doc_count" in settings:
        settings["min_doc_count"] = _int(settings["min_doc_count"], settings["min_doc_count"])
    kind = agg["type"]
    extra = {}
    if kind == "date_histogram":
        interval = settings.get("interval", "auto")
        if interval == "auto":
            raise ValueError("an auto interval depends on Grafana's panel width; give the panel a fixed one")
        body = {"field": agg.get("field") or time_field, "interval": interval,
                "min_doc_count": _int(settings.get("min_doc_count"), 0),
                "extended_bounds": {"min": time_from, "max": time_to},
                "format": settings.get("format", "epoch_millis")}
        if "offset" in settings:
            body["offset"] = settings["offset"]
    elif kind == "terms":
        size = _int(settings.get("size"), DEFAULT_TERMS_SIZE) or DEFAULT_TERMS_SIZE
        body = {"field": agg["field"], "size": size}
        if isinstance(settings.get("min_doc_count"), int):
            body["min_doc_count"] = settings["min_doc_count"]
        order_by = settings.get("orderBy")
        if order_by:
            order = settings.get("order", "desc")
            metric_id = re.match(r"^(\d+)", order_by)
            if metric_id:
                metric = next(m for m in metrics if m["id"] == metric_id.group(1))
                if metric["type"] == "count":
                    body["order"] = {"_count": order}
                else:
                    body["order"] = {order_by: order}
                    extra[metric["id"]] = {metric["type"]: {"field": metric.get("field", "")}}
            else:
                body["order"] = {"_key" if order_by == "_term" else order_by: order}
        for key in ("missing", "execution_hint"):
            if key in settings:
                body[key] = settings[key]
    elif kind == "filters":
        body = {"filters": {(f.get("label") or f["query"]): _query_string(f["query"])
                            for f in settings.get("filters", [])}}
    elif kind == "geohash_grid":
        body = {"field": agg["field"], "precision": settings.get("precision", "3")}
    elif kind == "histogram":
        interval = float(settings.get("interval") or 1000)
        body = {"interval": interval if interval > 0 else 1000.0, "field": agg["field"],
                "min_doc_count": _int(settings.get("min_doc_count"), 0)}
    else:
        raise ValueError(f"bucket aggregation {kind} is not translated")
    return {kind: body}, extra


def search_body(target, time_from, time_to, time_field="@timestamp"):
    """The `_search` body for one panel target (a Lucene metric query) over [time_from, time_to] in epoch ms."""
    if target.get("queryType", "lucene") != "lucene" or target.get("luceneQueryType", "Metric") != "Metric":
        raise ValueError("only Lucene metric queries are translated")
    metrics = target["metrics"]
    bucket_aggs = target.get("bucketAggs") or []
    if not bucket_aggs:
        raise ValueError("the plugin refuses a metric query without a bucket aggregation")
    if bucket_aggs[-1]["type"] == "filters":
        raise ValueError("the plugin draws no rows for a filters aggregation with nothing inside it")
    filters = [{"range": {time_field: {"lte": time_to, "gte": time_from, "format": "epoch_millis"}}}]
    if (target.get("query") or "").strip():
        filters.append(_query_string(target["query"]))
    body = {"size": 0, "query": {"bool": {"filter": filters[0] if len(filters) == 1 else filters}}}
    level = body
    for agg in bucket_aggs:
        bucket, extra = _bucket(agg, metrics, time_from, time_to, time_field)
        level.setdefault("aggs", {})[agg["id"]] = bucket
        if extra:
            bucket["aggs"] = dict(extra)
        level = bucket
    for metric in metrics:
        if metric["type"] != "count":
            level.setdefault("aggs", {})[metric["id"]] = _metric(metric)
    return body


def msearch(targets, index, time_from, time_to, time_field="@timestamp"):
    """The `_msearch` payload (NDJSON) for a panel's targets, as the plugin posts it to `_msearch?MSEARCH_PARAMS`."""
    lines = []
    for target in targets:
        lines.append(json.dumps({"search_type": "query_then_fetch", "ignore_unavailable": True,
                                 "index": target.get("index") or index}))
        lines.append(json.dumps(search_body(target, time_from, time_to, time_field), ensure_ascii=False))
    return "\n".join(lines) + "\n"

"""The saved objects: generated from the query files, consistent references, and every field a panel groups or
measures by is mapped in the index template with a type that aggregates."""
import json
import unittest

from support import ELK  # first: it puts elk/tools on the import path

import dashboards  # noqa: E402
import queries  # noqa: E402

AGGREGATABLE = {"keyword", "date", "ip", "geo_point", "byte", "short", "integer", "long", "float", "double"}


def mapped_types():
    """Field path -> type, from the access index template."""
    template = json.loads((ELK / "engine" / "template-access.json").read_text())
    types = {}

    def walk(properties, prefix):
        for name, spec in properties.items():
            if "properties" in spec:
                walk(spec["properties"], prefix + name + ".")
            else:
                types[prefix + name] = spec["type"]

    walk(template["template"]["mappings"]["properties"], "")
    return types


class SavedObjects(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.objects = [json.loads(line) for line in dashboards.OUT.read_text().splitlines()]
        cls.by_id = {(item["type"], item["id"]): item for item in cls.objects}

    def test_file_is_what_the_generator_makes_from_the_query_files(self):
        self.assertEqual(dashboards.OUT.read_text(), dashboards.ndjson())

    def test_every_query_file_is_a_panel(self):
        self.assertEqual(sorted(name for name, *_ in dashboards.PANELS), queries.names())

    def test_references_resolve(self):
        for item in self.objects:
            for reference in item["references"]:
                self.assertIn((reference["type"], reference["id"]), self.by_id, item["id"])
        board = self.by_id[("dashboard", dashboards.DASHBOARD_ID)]
        panels = json.loads(board["attributes"]["panelsJSON"])
        self.assertEqual(sorted(panel["panelRefName"] for panel in panels),
                         sorted(reference["name"] for reference in board["references"]))
        self.assertEqual(len(panels), len(dashboards.PANELS))

    def test_panels_do_not_overlap_on_the_grid(self):
        board = self.by_id[("dashboard", dashboards.DASHBOARD_ID)]
        cells = set()
        for panel in json.loads(board["attributes"]["panelsJSON"]):
            grid = panel["gridData"]
            self.assertLessEqual(grid["x"] + grid["w"], 48)
            area = {(x, y) for x in range(grid["x"], grid["x"] + grid["w"])
                    for y in range(grid["y"], grid["y"] + grid["h"])}
            self.assertFalse(cells & area, panel)
            cells |= area

    def test_panel_fields_are_mapped_and_aggregatable(self):
        types = mapped_types()
        for item in self.objects:
            if item["type"] != "visualization":
                continue
            state = json.loads(item["attributes"]["visState"])
            for agg in state["aggs"]:
                field = agg["params"].get("field")
                if field:
                    self.assertIn(types.get(field), AGGREGATABLE, f"{item['id']}: {field}")
            search = json.loads(item["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
            self.assertEqual(search["indexRefName"], item["references"][0]["name"])

    def test_panel_aggregations_match_their_query_files(self):
        funnel = json.loads(self.by_id[("visualization", "jiasu-help-funnel")]["attributes"]["visState"])
        filters = funnel["aggs"][1]["params"]["filters"]
        query = queries.load("help-funnel")["aggs"]["steps"]["filters"]["filters"]
        self.assertEqual({f["label"]: f["input"]["query"] for f in filters},
                         {label: clause["query_string"]["query"] for label, clause in query.items()})
        errors = self.by_id[("visualization", "jiasu-errors")]
        search = json.loads(errors["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        self.assertEqual(search["query"], {"query": "nginx.status:>=500", "language": "lucene"})
        hourly = json.loads(self.by_id[("visualization", "jiasu-traffic-per-hour")]["attributes"]["visState"])
        self.assertEqual([(agg["type"], agg["schema"], agg["params"].get("field")) for agg in hourly["aggs"]],
                         [("count", "metric", None), ("date_histogram", "segment", "@timestamp"),
                          ("cardinality", "metric", "visitor"), ("cardinality", "metric", "source.ip")])
        self.assertEqual([series["data"]["label"] for series in hourly["params"]["seriesParams"]],
                         ["请求数", "人数", "独立 IP"])
        self.assertEqual([(agg["type"], agg["params"].get("field")) for agg in funnel["aggs"]],
                         [("count", None), ("filters", None), ("cardinality", "visitor")])


if __name__ == "__main__":
    unittest.main()

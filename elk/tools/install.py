"""Installs the stored scripts, index templates and the ingest pipelines (access log, app log) into an engine.

Usage: install.py URL. Idempotent; works the same on Elasticsearch and OpenSearch. JIASU_TRUSTED_PROXIES adds
CIDRs (comma-separated, e.g. the CDN's origin-pull ranges) to the private ranges the client-ip step trusts.
"""
import json
import os
import pathlib
import sys

from engine import Engine

ENGINE_DIR = pathlib.Path(__file__).resolve().parent.parent / "engine"
SCRIPTS = {
    "jiasu-access-normalise": "normalise.painless",
    "jiasu-access-client-ip": "client-ip.painless",
    "jiasu-access-request": "request.painless",
    "jiasu-access-wechat": "wechat.painless",
    "jiasu-access-labels": "labels.painless",
    "jiasu-dead-letter": "dead-letter.painless",
}


def load(name):
    return json.loads((ENGINE_DIR / name).read_text())


def access_pipeline(extra_trusted):
    pipeline = load("pipeline-access.json")
    for processor in pipeline["processors"]:
        script = processor.get("script", {})
        if script.get("id") == "jiasu-access-client-ip":
            script["params"]["trusted"] += extra_trusted
    return pipeline


def install(engine, extra_trusted=()):
    for script_id, file_name in SCRIPTS.items():
        source = (ENGINE_DIR / "painless" / file_name).read_text()
        engine.put(f"/_scripts/{script_id}", {"script": {"lang": "painless", "source": source}})
    engine.put("/_index_template/jiasu-access", load("template-access.json"))
    engine.put("/_index_template/jiasu-deadletter", load("template-deadletter.json"))
    engine.put("/_index_template/jiasu-app", load("template-app.json"))
    engine.put("/_ingest/pipeline/jiasu-access", access_pipeline(list(extra_trusted)))
    engine.put("/_ingest/pipeline/jiasu-app", load("pipeline-app.json"))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    extra = [cidr.strip() for cidr in os.environ.get("JIASU_TRUSTED_PROXIES", "").split(",") if cidr.strip()]
    install(Engine(sys.argv[1]), extra)
    print(f"installed scripts, templates and pipeline into {sys.argv[1]}", file=sys.stderr)


if __name__ == "__main__":
    main()

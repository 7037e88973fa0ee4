"""A minimal JSON-over-HTTP client for Elasticsearch and OpenSearch (Python standard library only)."""
import json
import urllib.error
import urllib.request


class EngineError(Exception):
    """The engine answered with an HTTP error; carries the status and the body."""

    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body[:500]}")
        self.status = status
        self.body = body


class Engine:
    """Talks to one engine at a base URL such as http://127.0.0.1:18200."""

    def __init__(self, url, timeout=60):
        self.url = url.rstrip("/")
        self.timeout = timeout

    def call(self, method, path, body=None, ndjson=None):
        data, content_type = None, "application/json"
        if ndjson is not None:
            data, content_type = ndjson.encode(), "application/x-ndjson"
        elif body is not None:
            data = json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as error:
            raise EngineError(error.code, error.read().decode(errors="replace")) from None
        return json.loads(text) if text else None

    def get(self, path):
        return self.call("GET", path)

    def put(self, path, body):
        return self.call("PUT", path, body)

    def post(self, path, body=None):
        return self.call("POST", path, body)

    def delete(self, path):
        return self.call("DELETE", path)

    def search(self, index, body):
        return self.post(f"/{index}/_search", body)

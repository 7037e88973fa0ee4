"""Writes access-log lines exactly as nginx does with log_format jiasu_json (deploy/nginx/log-format.conf)."""
import json

# Field order and kind as in log-format.conf: numbers are bare JSON numbers, everything else a string.
FIELDS = [
    ("time", str), ("msec", float), ("request_id", str), ("remote_addr", str), ("x_forwarded_for", str),
    ("host", str), ("method", str), ("uri", str), ("args", str), ("protocol", str), ("status", int),
    ("body_bytes_sent", int), ("request_length", int), ("request_time", float), ("upstream_addr", str),
    ("upstream_status", str), ("upstream_response_time", str), ("http_user_agent", str), ("http_referer", str),
    ("wx_scene", str), ("client_version", str), ("visitor", str),
]


def escape(text):
    """nginx's escape=json: quotes, backslashes and control characters escaped, other bytes as they are."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def line(request):
    """One log line (without the newline) for a dict of the log-format fields; absent strings log as ""."""
    parts = []
    for name, kind in FIELDS:
        value = request.get(name, "" if kind is str else 0)
        if kind is str:
            parts.append(f'"{name}":"{escape(value)}"')
        elif kind is float:
            parts.append(f'"{name}":{value:.3f}')
        else:
            parts.append(f'"{name}":{int(value)}')
    return "{" + ",".join(parts) + "}"

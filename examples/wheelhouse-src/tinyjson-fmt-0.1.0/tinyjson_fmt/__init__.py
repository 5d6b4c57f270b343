"""tinyjson-fmt 0.1.0 — stable, compact JSON (test package of the offline wheelhouse)."""

import json

__version__ = "0.1.0"


def dumps(obj) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"))

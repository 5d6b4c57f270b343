"""caqrn-utils 1.1.0 — adds summary(); depends on tinyjson-fmt (a transitive requirement for the wheelhouse)."""

from tinyjson_fmt import dumps

__version__ = "1.1.0"


def greeting(name: str) -> str:
    return f"hello {name} from caqrn-utils {__version__}"


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def summary(values) -> str:
    values = list(values)
    return dumps({"n": len(values), "mean": mean(values)})

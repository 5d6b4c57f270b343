"""caqrn-utils 1.0.0 — tiny helpers for the caqrn example pipeline (test package of the offline wheelhouse)."""

__version__ = "1.0.0"


def greeting(name: str) -> str:
    return f"hello {name} from caqrn-utils {__version__}"


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0

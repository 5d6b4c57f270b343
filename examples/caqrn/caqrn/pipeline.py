"""Daily pipeline entry point: read every input file in the data directory, write one product per file.

Run as `python -m caqrn.pipeline --data DIR --out DIR`. The environment script of the deployment sets
CAQRN_DATA and friends, so the scheduled job and a developer's sandbox run the same command.
"""

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

import caqrn_utils


def process(source: Path) -> dict:
    data = source.read_bytes()
    return {
        "input": source.name,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "mean_line_length": caqrn_utils.mean(len(line) for line in data.decode("utf-8", "replace").splitlines()),
        "utils": caqrn_utils.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="caqrn.pipeline")
    parser.add_argument("--data", type=Path, required=True, help="directory with incoming data")
    parser.add_argument("--out", type=Path, required=True, help="directory for products")
    parser.add_argument("--limit", type=int, default=None, help="process at most this many files")
    args = parser.parse_args(argv)

    if not args.data.is_dir():
        print(f"caqrn.pipeline: data directory {args.data} does not exist", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    inputs = sorted(p for p in args.data.iterdir() if p.is_file())[: args.limit]
    for source in inputs:
        product = process(source)
        (args.out / f"{source.stem}.json").write_text(json.dumps(product, indent=2) + "\n")
        print(f"processed {source.name}: {product['bytes']} bytes")
    print(f"caqrn.pipeline: {len(inputs)} file(s) from {args.data} -> {args.out} "
          f"(environment {os.environ.get('CAQRN_ENVIRONMENT', 'unknown')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Build pure-Python wheels from small local projects, offline, with nothing but the standard library.

usage: build-wheels.py SRC_DIR OUT_DIR

Every SRC_DIR/*/pyproject.toml is one project: [project] name, version, description, dependencies,
requires-python; its packages are the top-level directories holding an __init__.py. The projects also build
with setuptools (their build-system says so) — this builder only exists because the test machine has no PyPI
and no guaranteed build backend. Wheels are reproducible (fixed timestamps, sorted entries).
"""
import base64
import hashlib
import pathlib
import re
import sys
import tomllib
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)


def record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def build(project: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    meta = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    name, version = meta["name"], meta["version"]
    dist = re.sub(r"[-_.]+", "_", name).lower()
    files: dict[str, bytes] = {}
    for pkg in sorted(p for p in project.iterdir() if (p / "__init__.py").is_file()):
        for f in sorted(pkg.rglob("*.py")):
            files[f.relative_to(project).as_posix()] = f.read_bytes()
    info = f"{dist}-{version}.dist-info"
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    if meta.get("description"):
        lines.append(f"Summary: {meta['description']}")
    if meta.get("requires-python"):
        lines.append(f"Requires-Python: {meta['requires-python']}")
    lines += [f"Requires-Dist: {d}" for d in meta.get("dependencies", [])]
    files[f"{info}/METADATA"] = ("\n".join(lines) + "\n").encode()
    files[f"{info}/WHEEL"] = (
        "Wheel-Version: 1.0\nGenerator: slurm-gitops build-wheels.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    ).encode()
    files[f"{info}/top_level.txt"] = "".join(
        sorted({k.split("/")[0] + "\n" for k in files if not k.startswith(info)})
    ).encode()
    record = "".join(f"{k},{record_hash(v)},{len(v)}\n" for k, v in files.items()) + f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record.encode()
    wheel = out / f"{dist}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in files.items():
            zi = zipfile.ZipInfo(k, EPOCH)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, v)
    return wheel


def main() -> None:
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for project in sorted(p.parent for p in src.glob("*/pyproject.toml")):
        print(build(project, out))


if __name__ == "__main__":
    main()

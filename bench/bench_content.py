"""Benchmark: how much our safe loading and validation cost over a bare YAML parse.

Reported as ratios against a baseline measured in the same run (never as timed assertions in
tests): `python bench/bench_content.py`. A ratio that grows release on release is the signal.
"""

from __future__ import annotations

import timeit

import yaml

from workshop_kit.core.content import CONTENT_KINDS
from workshop_kit.core.loading import load

REPEATS, NUMBER = 5, 20


def best(stmt) -> float:
    return min(timeit.repeat(stmt, repeat=REPEATS, number=NUMBER)) / NUMBER


def main() -> None:
    files = [(kind, path) for kind in CONTENT_KINDS for path in kind.default_files()]
    texts = [path.read_text(encoding="utf-8") for _, path in files]

    baseline = best(lambda: [yaml.safe_load(t) for t in texts])
    validated = best(lambda: [load(path, kind.model) for kind, path in files])
    print(f"{len(files)} content files")
    print(f"baseline  yaml.safe_load, no checks : {baseline * 1000:8.2f} ms")
    print(f"workshop-kit load + validate        : {validated * 1000:8.2f} ms"
          f"   ratio {validated / baseline:5.2f}x")


if __name__ == "__main__":
    main()

"""Benchmark: client documents, as ratios to baselines measured in the same run.

`python bench/bench_reports.py [--batch N]` (default N=20).

1. One training pack (`workshop-kit report`, HTML) against bare `papermill` + `jupyter nbconvert
   --to html` of a one-cell notebook: what our content and renderers add to the tools' own cost.
   Goal: ratio <= 1.
2. A batch of N packs on 2 worker processes against the same N made one after another (one
   worker). Goal: ratio <= 0.6 on an otherwise idle 2-core machine.

The machine may be shared: the load average is printed before and after, so a ratio can be read
against it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

BIN = Path(sys.executable).parent
RUNS = 3


def one_cell_notebook(path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print('baseline')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args[:3])} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return time.perf_counter() - start


def bench_one(work: Path) -> tuple[float, float]:
    one_cell_notebook(work / "one.ipynb")
    report, baseline = [], []
    for run in range(RUNS):  # alternate, so a burst of load hits both alike
        baseline.append(
            timed([str(BIN / "papermill"), "one.ipynb", "one-out.ipynb", "--no-progress-bar"], work)
            + timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "one-out.ipynb"], work))
        report.append(timed([str(BIN / "workshop-kit"), "report", "--client", f"Bench {run}",
                             "--module", "01_special_guardianship",
                             "--case", "leo-and-his-aunt-in-spain", "--out", str(work / "out"),
                             "--force"], work))
    return statistics.median(report), statistics.median(baseline)


def bench_batch(work: Path, count: int) -> tuple[float, float]:
    batch = work / "clients.yaml"
    batch.write_text("".join(
        f"- client: Bench Council {i:02d}\n  date: 2026-12-01\n  modules: [01_special_guardianship]\n"
        "  cases: [leo-and-his-aunt-in-spain]\n" for i in range(count)))
    times = {}
    for workers in (1, 2):
        times[workers] = timed([str(BIN / "workshop-kit"), "report", "--batch", str(batch),
                                "--workers", str(workers), "--out", str(work / f"out{workers}")],
                               work)
    return times[2], times[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as tmp:
        work = Path(tmp)
        report, baseline = bench_one(work)
        print(f"one report: {report:.1f} s; papermill + nbconvert of one cell: {baseline:.1f} s; "
              f"ratio {report / baseline:.2f} (goal <= 1)")
        two, one = bench_batch(work, args.batch)
        print(f"batch of {args.batch}: 2 workers {two:.1f} s; one after another {one:.1f} s; "
              f"ratio {two / one:.2f} (goal <= 0.6)")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()

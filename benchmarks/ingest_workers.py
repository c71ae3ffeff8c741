"""Bulk ingest throughput with 1 and 2 local workers (issue 14), and the scaling between them.

    .venv/bin/python benchmarks/ingest_workers.py [--files 120]

Builds an archive of distinct files (the generated PDF/HTML fixtures and the seed texts, each copy
padded so its bytes differ), then times `nianbao ingest DIR --recursive --jobs N` for N = 1 and 2,
each into a fresh SQLite database. Prints files/s, the ratio (target >= 1.7x) and the load average, since
the machine may be shared; and the CPU time the run used (per file, and as CPUs over the wall time):
equal CPU a file with 1 and 2 workers means no per-file work is duplicated, and two workers using no
more CPUs than one means the machine, not the code, held the run back.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "samples"


def archive(root: Path, n_files: int) -> None:
    sources = [
        *sorted((SAMPLES / "generated").glob("00[0234].pdf")),
        *sorted((SAMPLES / "generated").glob("00[0234].html")),
        *sorted((SAMPLES / "seeds").glob("00[0234]*.txt")),
    ]
    pads = {".pdf": b"\n%", ".html": b"\n<!-- -->", ".txt": b"\n"}
    for i in range(n_files):
        src = sources[i % len(sources)]
        folder = root / f"batch{i // 50}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i}-{src.name}").write_bytes(src.read_bytes() + pads[src.suffix] * (i + 1))


def run(jobs: int, files: Path, tmp: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the ingest command and every process under it)."""
    data = tmp / f"data-{jobs}"
    data.mkdir()
    url = f"sqlite:///{data / 'nianbao.sqlite3'}"
    env = {**os.environ, "NIANBAO_DATA_DIR": str(data), "NIANBAO_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], env=env, check=True, cwd=tmp)
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "ingest", str(files), "--recursive", "--jobs", str(jobs),
         "--failures", str(tmp / f"failures-{jobs}.csv")],
        env=env, cwd=tmp, check=False, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0, _children_cpu() - cpu0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nianbao-bulk-") as name:
        tmp = Path(name)
        archive(tmp / "archive", args.files)
        print(f"{args.files} files, load average before: {os.getloadavg()[0]:.1f}; cpus: {os.cpu_count()}")
        rates = {}
        for jobs in (1, 2):
            seconds, cpu = run(jobs, tmp / "archive", tmp)
            rates[jobs] = args.files / seconds
            # CPU got / wall time: about 1 with one worker and 2 with two on an idle 2-core machine.
            # When two workers get no more CPU than one, the machine is the limit, not the code.
            print(f"  --jobs {jobs}: {seconds:.1f} s, {rates[jobs]:.1f} files/s, "
                  f"{cpu / args.files * 1000:.0f} ms CPU a file, {cpu / seconds:.2f} CPUs used "
                  f"(load average now {os.getloadavg()[0]:.1f})", flush=True)
        ratio = rates[2] / rates[1]
        print(f"scaling 1 -> 2 workers: {ratio:.2f}x ({'target met' if ratio >= 1.7 else 'TARGET MISSED'})")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())

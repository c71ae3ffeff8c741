"""Parse speed and memory, per format, against the bare pypdfium2 text time.

    .venv/bin/python benchmarks/parse.py [--runs 15]

Prints median and p95 milliseconds of a full in-process parse (extract + tables + facts
+ checks) for every fixture format, the bare pypdfium2 text time of the same PDFs and the
ratio, the same for a 40-page PDF built at run time from a fixture's pages repeated, and
the peak RSS of parsing that 40-page file in a fresh child process.
Targets (issue 2): 7-8 page PDF <= 15x bare text, 40 pages <= 25x, DOCX/HTML < 50 ms,
peak memory < 200 MB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "tests" / "samples" / "generated"
sys.path.insert(0, str(ROOT))

from parsing import parse_report  # noqa: E402


def timings(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm: imports, font caches
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bare_text(data: bytes) -> None:
    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def repeated_pdf(source: bytes, pages: int) -> bytes:
    src = pdfium.PdfDocument(source)
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        count = min(len(src), pages - len(out))
        out.import_pages(src, list(range(count)), len(out))
    with tempfile.TemporaryFile() as buffer:
        out.save(buffer)
        buffer.seek(0)
        return buffer.read()


def typical_pdf(source: bytes, pages: int) -> bytes:
    """A report of typical length: the fixture with its first (narrative) page repeated in front.

    The fixtures are 3-5 pages; real reports run 7-8 because their narrative is longer.
    """
    src = pdfium.PdfDocument(source)
    out = pdfium.PdfDocument.new()
    out.import_pages(src, [0] * (pages - len(src)) + list(range(len(src))), 0)
    with tempfile.TemporaryFile() as buffer:
        out.save(buffer)
        buffer.seek(0)
        return buffer.read()


def peak_rss_mb(path: Path) -> tuple[float, float]:
    """Peak RSS of a fresh interpreter that imports the parser, and of one that also parses."""
    base = (
        "import parsing, parsing.extract.pdf, parsing.report, pdfplumber\n"
        "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    full = (
        "import sys, resource\nfrom parsing import parse_report\n"
        f"parse_report(open({str(path)!r}, 'rb').read(), 'big.pdf')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    results = []
    for code in (base, full):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
        results.append(int(done.stdout.split()[-1]) / 1024)
    return results[0], results[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    fixtures = sorted(GENERATED.glob("[0-9][0-9][0-9]*.*"))
    if not fixtures:
        print("no fixtures: run tests/samples/make_fixtures.py", file=sys.stderr)
        return 1

    print(f"{'format':<8}{'files':>6}{'median ms':>12}{'p95 ms':>10}{'bare text ms':>15}{'ratio':>8}")
    by_kind: dict[str, list[Path]] = {}
    for path in fixtures:
        by_kind.setdefault(path.suffix.lstrip("."), []).append(path)
    for kind, paths in sorted(by_kind.items()):
        runs = 3 if kind == "doc" else args.runs  # DOC includes a LibreOffice conversion
        parse_ms: list[float] = []
        bare_ms: list[float] = []
        ratios: list[float] = []
        for path in paths:
            data = path.read_bytes()
            parsed = timings(lambda d=data, n=path.name: parse_report(d, n), runs)
            parse_ms.extend(parsed)
            if kind == "pdf":
                bare = timings(lambda d=data: bare_text(d), runs)
                bare_ms.extend(bare)
                ratios.append(statistics.median(parsed) / statistics.median(bare))
        bare_col = f"{statistics.median(bare_ms):15.1f}" if bare_ms else f"{'':>15}"
        ratio_col = f"{statistics.median(ratios):7.1f}x" if ratios else ""
        print(
            f"{kind:<8}{len(paths):>6}{statistics.median(parse_ms):12.1f}{p95(parse_ms):10.1f}"
            f"{bare_col}{ratio_col:>8}"
        )
        if kind == "pdf":
            for path, ratio in zip(paths, ratios, strict=True):
                print(
                    f"{'':<8}{path.name:>24}  {ratio:5.1f}x  ({len(pdfium.PdfDocument(path.read_bytes()))} pages)"
                )

    source = (GENERATED / "000.pdf").read_bytes()
    typical = typical_pdf(source, 8)
    report = parse_report(typical, "typical.pdf")
    assert report.fact("proactive.total") is not None, "the 8-page file must parse fully"
    parsed = timings(lambda: parse_report(typical, "typical.pdf"), args.runs)
    bare = timings(lambda: bare_text(typical), args.runs)
    print(
        f"{'pdf-8p':<8}{1:>6}{statistics.median(parsed):12.1f}{p95(parsed):10.1f}"
        f"{statistics.median(bare):15.1f}{statistics.median(parsed) / statistics.median(bare):7.1f}x"
    )
    big = repeated_pdf(source, 40)
    with tempfile.TemporaryDirectory() as tmp:
        big_path = Path(tmp) / "big.pdf"
        big_path.write_bytes(big)
        parsed = timings(lambda: parse_report(big, "big.pdf"), max(3, args.runs // 3))
        bare = timings(lambda: bare_text(big), max(3, args.runs // 3))
        ratio = statistics.median(parsed) / statistics.median(bare)
        print(
            f"{'pdf-40p':<8}{1:>6}{statistics.median(parsed):12.1f}{p95(parsed):10.1f}"
            f"{statistics.median(bare):15.1f}{ratio:7.1f}x"
        )
        base_mb, peak_mb = peak_rss_mb(big_path)
    print(
        f"peak RSS, 40-page parse in a fresh process: {peak_mb:.0f} MB (interpreter + imports alone: {base_mb:.0f} MB)"
    )
    print(f"this process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

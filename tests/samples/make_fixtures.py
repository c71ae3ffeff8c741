"""Build the format fixtures from the seed reports. Needs LibreOffice (soffice) and
fonts-noto-cjk; the generated files are committed so the tests need neither.

    .venv/bin/python tests/samples/make_fixtures.py

For each seed in tests/samples/seeds/ (cell values from its hand-checked golden truth,
tests/parsing/golden/<stem>.json — blank stays blank): a DOCX with real merged cells
laid out like the official form, a PDF converted from it, an HTML page with
rowspan/colspan inside fake site chrome. Plus: a PDF whose table 3 is pushed over a page
break, for every seed a PDF whose tables have no ruling lines (wrapped headers, labels,
table 3 continued overleaf, table 4 on the same page as table 3's end), a DOC for the conversion test, and the bad inputs (encrypted, truncated,
image-only, not a report). The PDFs are copied to bot/samples/ under file names that
carry the agency, for the README demo.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEEDS = HERE / "seeds"
OUT = HERE / "generated"
BAD = OUT / "bad"
GOLDEN = ROOT / "tests" / "parsing" / "golden"
BOT_SAMPLES = ROOT / "bot" / "samples"

sys.path.insert(0, str(HERE))
import fixture_layout as layout  # noqa: E402

# Where a report does not name its region, the file name must not invent one.
SAMPLE_NAMES = {
    "000": "威海市文登区科学技术局2021年政府信息公开工作年度报告",
    "001": "科学技术和工业信息化局2022年政府信息公开工作年度报告",
    "002": "汶上县科学技术局2020年政府信息公开工作年度报告",
    "003": "威海临港区科技创新局2020年政府信息公开工作年度报告",
    "004": "平罗县科学技术局2021年政府信息公开工作年度报告",
}
PAGE_BREAK_SEED = "000"  # its table 3 is pushed over a page break in <stem>-pagebreak.pdf
DOC_SEED = "001"
UNRELATED = [
    "关于举办2023年职工篮球比赛的通知",
    "各部门：为丰富职工业余文化生活，增强团队协作意识，经研究决定举办职工篮球比赛。",
    "一、比赛时间：2023年5月10日至5月20日。",
    "二、比赛地点：单位体育馆。",
    "三、报名方式：各部门于4月30日前将报名表报送工会办公室。",
    "工会委员会",
    "2023年4月15日",
]


def soffice_convert(source: Path, target_format: str, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                target_format,
                "--outdir",
                str(outdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    produced = outdir / f"{source.stem}.{target_format.split(':')[0]}"
    if not produced.exists():
        raise RuntimeError(f"soffice did not produce {produced}")
    return produced


def load_seed(seed_stem: str) -> tuple[str, str, dict[str, int | float | None]] | None:
    """Seed text plus template and cells from the golden truth (named by seed stem or number)."""
    candidates = [GOLDEN / f"{seed_stem}.json", GOLDEN / f"{seed_stem[:3]}.json"]
    golden = next((path for path in candidates if path.exists()), None)
    if golden is None:
        print(f"skip {seed_stem}: no golden truth in {GOLDEN}")
        return None
    truth = json.loads(golden.read_text(encoding="utf-8"))
    text = (SEEDS / f"{seed_stem}.txt").read_text(encoding="utf-8")
    return text, truth["template"], truth["cells"]


def pdf_from_docx(docx_bytes: bytes, name: str, tmp: Path) -> bytes:
    source = tmp / f"{name}.docx"
    source.write_bytes(docx_bytes)
    return soffice_convert(source, "pdf", tmp).read_bytes()


def table_pages(pdf: bytes) -> list[int]:
    """Pages on which table 3's rows appear (to confirm the page-break fixture)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    pages = []
    for number in range(len(document)):
        text = document[number].get_textpage().get_text_range().replace("\r\n", "")
        if any(label in text for label in ("予以公开", "国家秘密", "不予处理", "结转下年度")):
            pages.append(number + 1)
    return pages


def build_seed(seed_stem: str, tmp: Path) -> bytes | None:
    """Fixtures are named by the seed's number: 000.docx, 000.pdf, 000.html, ..."""
    loaded = load_seed(seed_stem)
    if loaded is None:
        return None
    stem = seed_stem[:3]
    text, template, cells = loaded
    blocks = layout.seed_blocks(text, template, cells)
    docx_bytes = layout.render_docx(blocks)
    (OUT / f"{stem}.docx").write_bytes(docx_bytes)
    pdf = pdf_from_docx(docx_bytes, stem, tmp)
    (OUT / f"{stem}.pdf").write_bytes(pdf)
    # Sites declare gb2312 and serve GBK/GB18030 characters; browsers (and we) read GB18030.
    encoding, declared = ("gb18030", "gb2312") if stem in {"002", "004"} else ("utf-8", "utf-8")
    html = layout.render_html(blocks, title=SAMPLE_NAMES[stem], encoding=encoding, declared=declared)
    (OUT / f"{stem}.html").write_bytes(html)
    if stem == PAGE_BREAK_SEED:
        padded = layout.render_docx(blocks, page_break_before_table=1, padding_paragraphs=12)
        broken = pdf_from_docx(padded, f"{stem}-pagebreak", tmp)
        pages = table_pages(broken)
        if len(pages) < 2:
            raise RuntimeError(f"table 3 did not break over a page: {pages}")
        (OUT / f"{stem}-pagebreak.pdf").write_bytes(broken)
    # <stem>-borderless.pdf: tables without any ruling line.
    plain = layout.render_docx(blocks, borders=False)
    (OUT / f"{stem}-borderless.pdf").write_bytes(pdf_from_docx(plain, f"{stem}-borderless", tmp))
    if stem == DOC_SEED:
        source = tmp / f"{stem}.docx"
        source.write_bytes(docx_bytes)
        (OUT / f"{stem}.doc").write_bytes(soffice_convert(source, "doc", tmp).read_bytes())
    BOT_SAMPLES.mkdir(parents=True, exist_ok=True)
    (BOT_SAMPLES / f"{SAMPLE_NAMES[stem]}.pdf").write_bytes(pdf)
    print(f"built {stem} ({template})")
    return pdf


def build_bad(report_pdf: bytes, tmp: Path) -> None:
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    BAD.mkdir(parents=True, exist_ok=True)
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(report_pdf)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    (BAD / "encrypted.pdf").write_bytes(out.getvalue())

    (BAD / "truncated.pdf").write_bytes(report_pdf[: len(report_pdf) * 2 // 5])

    document = pdfium.PdfDocument(report_pdf)
    images = [document[i].render(scale=1).to_pil().convert("L") for i in range(min(2, len(document)))]
    scan = io.BytesIO()
    images[0].save(scan, format="PDF", save_all=True, append_images=images[1:], resolution=72)
    (BAD / "image-only.pdf").write_bytes(scan.getvalue())

    unrelated = layout.render_docx(UNRELATED)
    (BAD / "unrelated.docx").write_bytes(unrelated)
    (BAD / "unrelated.pdf").write_bytes(pdf_from_docx(unrelated, "unrelated", tmp))


def main() -> int:
    if shutil.which("soffice") is None:
        print("soffice (LibreOffice) is needed to build the fixtures", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    first_pdf = None
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for seed in sorted(SEEDS.glob("*.txt")):
            pdf = build_seed(seed.stem, tmp)
            first_pdf = first_pdf or pdf
        if first_pdf is not None:
            build_bad(first_pdf, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

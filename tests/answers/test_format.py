"""Number formatting and the 4096-character limit of a reply."""

from __future__ import annotations

from bot.core.answer_format import BUDGET, TELEGRAM_LIMIT, Answer, AnswerOutcome, Reply, fmt_number


def test_numbers_keep_their_decimals_and_drop_a_trailing_zero() -> None:
    assert fmt_number(253.0) == "253"
    assert fmt_number(0.0375) == "0.0375"
    assert fmt_number(0.00001) == "0.00001"
    assert fmt_number(1.5) == "1.5"


def test_a_long_table_is_cut_to_fit_with_a_note() -> None:
    reply = Reply().line("标题")
    reply.table(["单位", "数值"], [[f"某市某区第{i}个很长很长的单位名称局", f"{i}件"] for i in range(500)])
    text, is_html = reply.render()
    assert is_html
    assert len(text) <= BUDGET < TELEGRAM_LIMIT
    assert text.count("<pre>") == text.count("</pre>") == 1
    assert "行未显示" in text


def test_a_year_of_rows_is_laid_out_a_few_times_and_says_once_how_many_are_left_out(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: the thousand failing reports of a year at 100 000 were tabulated over and over while
    the table shrank by a quarter at a time (400 ms a question), each shrink adding its own note."""
    import bot.core.answer_format as fmt

    calls = []
    real = fmt.tabulate

    def counting(rows, **kw):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        return real(rows, **kw)

    monkeypatch.setattr(fmt, "tabulate", counting)
    rows = [[f"测试省第{i}号单位信息公开办公室", "表三 收支平衡"] for i in range(5000)]
    reply = Reply().line("标题")
    reply.table(["单位", "未通过的勾稽关系"], rows)
    text, _ = reply.render()
    assert len(text) <= BUDGET
    assert max(calls) < 200 and len(calls) <= 5
    shown = text.count("号单位信息公开办公室")
    assert text.count("行未显示") == 1
    assert f"另有{5000 - shown}行未显示" in text


def test_html_is_escaped_and_plain_strips_it() -> None:
    reply = Reply().line("a<b & c")
    reply.table(["x"], [["<i>"]])
    text, is_html = reply.render()
    assert "a&lt;b &amp; c" in text and "&lt;i&gt;" in text
    answer = Answer(text=text, outcome=AnswerOutcome.RANKED, html=is_html)
    assert "a<b & c" in answer.plain and "<i>" in answer.plain and "<pre>" not in answer.plain

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


def test_html_is_escaped_and_plain_strips_it() -> None:
    reply = Reply().line("a<b & c")
    reply.table(["x"], [["<i>"]])
    text, is_html = reply.render()
    assert "a&lt;b &amp; c" in text and "&lt;i&gt;" in text
    answer = Answer(text=text, outcome=AnswerOutcome.RANKED, html=is_html)
    assert "a<b & c" in answer.plain and "<i>" in answer.plain and "<pre>" not in answer.plain

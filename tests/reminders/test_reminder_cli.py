"""nianbao remind (dry run and real sends through a fake Bot API) and nianbao agencies import/list."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.core.deadlines import Category, category_of, parse_month_day, region_match_depth, resolve
from bot.core.reminders import load_snapshot
from bot.core.services import Services
from bot.main import main
from storage import registry, send_log
from tests.conftest import make_settings
from tests.e2e.fake_bot_api import FakeBotApi
from tests.reminders.support import add_agency, at

CSV_HEADER = "name,region,level,chat,responsible,deadline\n"
CSV_ROWS = (
    "威海市文登区科学技术局,山东省/威海市/文登区,县级,-1001,@kejiju,\n"
    "威海市文登区审计局,山东省/威海市/文登区,county,-1002,,1月26日\n"
    "威海市文登区人民政府,山东省/威海市/文登区,县级,,,\n"
)


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("TELEGRAM_BOT_TOKEN", "NIANBAO_DATABASE_URL", "NIANBAO_BOT_API_URL", "NIANBAO_ADMINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def _services(path: Path, db_url: str) -> Services:
    return Services.open(make_settings(path, db_url))


def test_dry_run_prints_exactly_what_would_be_sent_and_records_nothing(
    cli_env: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    services = _services(cli_env / "s", db_url)
    add_agency(services, "威海市文登区科学技术局", chat_id=-1001, responsible="@kejiju")
    add_agency(services, "威海市文登区审计局", chat_id=-1002, deadline=(1, 26))
    assert main(["remind", "--at", "2027-01-24T09:00", "--dry-run", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert out == (
        "2027-01-24 09:00（Asia/Shanghai）将发送 2 条（预览，未发送、未记录）：\n\n"
        "→ 发往 -1002（威海市文登区审计局）· 提前提醒 · 补发\n"
        "⏰ 年报催报：威海市文登区审计局\n"
        "2026年政府信息公开工作年度报告须于2027年1月26日前公布（本机构规定），距截止还有2天，目前尚未收到贵单位的报告。\n"
        "距截止还有2个工作日（含今天，已除去周末和法定节假日，计入调休上班日）。\n"
        "报送方法：把报告文件（PDF、DOCX、DOC、WPS、RTF、HTML、TXT）直接发到本群或私聊发给机器人，机器人会自动解析入库并回复确认。\n"
        "（补发：原定1月23日 09:00发送，机器人当时未在运行）\n"
        "[按钮：明天再提醒]\n\n"
        "→ 发往 -1001（威海市文登区科学技术局）· 提前提醒\n"
        "⏰ 年报催报：威海市文登区科学技术局\n"
        "2026年政府信息公开工作年度报告须于2027年1月31日前公布（《政府信息公开条例》第四十九条（部门1月31日前）），"
        "距截止还有7天，目前尚未收到贵单位的报告。\n"
        "春节假期从2027年2月5日开始，紧接截止日2027年1月31日之后，请在节前报送。\n"
        "距截止还有5个工作日（含今天，已除去周末和法定节假日，计入调休上班日）。\n"
        "注：2027年春节是2027年2月6日；国务院2027年节假日安排尚未公布，假期和工作日按往年惯例估算。\n"
        "报送方法：把报告文件（PDF、DOCX、DOC、WPS、RTF、HTML、TXT）直接发到本群或私聊发给机器人，机器人会自动解析入库并回复确认。\n"
        "请 @kejiju 跟进。\n"
        "[按钮：明天再提醒]\n"
    )
    with services.sessions() as session:
        assert send_log.sends(session) == []
    # The same moment again prints the same: nothing was recorded.
    assert main(["remind", "--at", "2027-01-24 09:00+08:00", "--dry-run", "--db", db_url]) == 0
    assert capsys.readouterr().out == out
    assert main(["remind", "--at", "2027-02-05T10:00", "--dry-run", "--db", db_url]) == 0
    assert "没有需要发送的提醒" in capsys.readouterr().out
    services.close()


def test_remind_usage_errors(cli_env: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--at", "明天", "--dry-run", "--db", db_url]) == 2
    assert "无法识别的时刻" in capsys.readouterr().err
    assert main(["remind", "--at", "2027-01-24T09:00", "--db", db_url]) == 2
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().err


async def test_remind_sends_through_the_bot_api_and_records(
    cli_env: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    api = FakeBotApi()
    await api.start()
    try:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", api.token)
        monkeypatch.setenv("NIANBAO_BOT_API_URL", api.url)
        services = _services(cli_env / "s", db_url)
        add_agency(services, "威海市文登区科学技术局", chat_id=-1001)
        argv = ["remind", "--at", "2027-01-24T09:00", "--db", db_url]
        assert await asyncio.to_thread(main, argv) == 0
        (call,) = api.calls_to("sendMessage", -1001)
        assert "距截止还有7天" in call.text
        assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].startswith("nb:snooze:")
        assert "已发送 1 条" in capsys.readouterr().out
        # Recorded: running again at the same moment sends nothing.
        assert await asyncio.to_thread(main, argv) == 0
        assert len(api.calls_to("sendMessage", -1001)) == 1
        services.close()
    finally:
        await api.stop()


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_import_is_idempotent_and_sets_deadlines(
    cli_env: Path, db_url: str, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = _write(cli_env / "名录.csv", CSV_HEADER + CSV_ROWS, encoding)
    assert main(["agencies", "import", str(csv_file), "--db", db_url]) == 0
    assert capsys.readouterr().out.strip() == "已导入 3 家机构：新增 3，更新 0，无变化 0。"
    assert main(["agencies", "import", str(csv_file), "--db", db_url]) == 0
    assert capsys.readouterr().out.strip() == "已导入 3 家机构：新增 0，更新 0，无变化 3。"
    services = _services(cli_env / "s", db_url)
    snap = load_snapshot(services, [2026])
    by_name = {r.name: r for r in snap.reporters}
    assert by_name["威海市文登区科学技术局"].chat_id == -1001
    assert by_name["威海市文登区科学技术局"].responsible == "@kejiju"
    assert by_name["威海市文登区人民政府"].chat_id is None
    deadlines = {name: resolve(r, 2026, snap.rules).day.isoformat() for name, r in by_name.items()}
    assert deadlines == {
        "威海市文登区科学技术局": "2027-01-31",
        "威海市文登区审计局": "2027-01-26",
        "威海市文登区人民政府": "2027-03-31",
    }
    # A changed file updates in place.
    changed = CSV_ROWS.replace("-1001,@kejiju,", "-1009,@kejiju,01-20")
    _write(csv_file, CSV_HEADER + changed, encoding)
    assert main(["agencies", "import", str(csv_file), "--db", db_url]) == 0
    assert capsys.readouterr().out.strip() == "已导入 3 家机构：新增 0，更新 1，无变化 2。"
    assert main(["agencies", "list", "--db", db_url]) == 0
    listing = capsys.readouterr().out
    assert "威海市文登区科学技术局" in listing and "-1009" in listing and "@kejiju" in listing
    services.close()


def test_csv_errors_name_the_line_and_import_nothing(
    cli_env: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = CSV_HEADER + (
        "威海市文登区科学技术局,山东省/威海市/文登区,县级,-1001,,\n"
        ",山东省/威海市,市级,-1,,\n"
        "威海市文登区教育局,山东省/威海市/文登区,镇级,群一,张三,2月30日\n"
        "威海市文登区科学技术局,山东省/威海市/文登区,县级,-1001,,\n"
    )
    csv_file = _write(cli_env / "bad.csv", bad, "utf-8")
    assert main(["agencies", "import", str(csv_file), "--db", db_url]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "导入失败（6 处错误），没有导入任何内容：",
        "第 3 行：缺少机构名称（name）",
        "第 4 行：级别“镇级”无法识别，应为 省级/市级/县级/乡镇 之一（或 province/city/county/township），也可留空",
        "第 4 行：群 id“群一”不是整数（例如 -1001234567890），也可留空",
        "第 4 行：负责人“张三”应为 Telegram 用户名，例如 @zhangsan，也可留空",
        "第 4 行：截止日期“2月30日”无法识别，应写成 01-26 或 1月26日，也可留空",
        "第 5 行：机构“威海市文登区科学技术局”与第 2 行重复",
    ]
    assert main(["agencies", "list", "--db", db_url]) == 0
    assert "还没有登记应报送的机构" in capsys.readouterr().out
    missing_col = _write(cli_env / "cols.csv", "name,region\nA,B\n", "utf-8")
    assert main(["agencies", "import", str(missing_col), "--db", db_url]) == 1
    assert "第 1 行缺少列：level、chat" in capsys.readouterr().err
    binary = cli_env / "bin.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81\x30\xff")
    assert main(["agencies", "import", str(binary), "--db", db_url]) == 1
    assert "无法识别文件编码" in capsys.readouterr().err


def test_deadline_rules_precedence(tmp_path: Path, db_url: str) -> None:
    services = _services(tmp_path / "s", db_url)
    dept = add_agency(services, "威海市文登区教育局")
    add_agency(services, "威海市文登区人民政府")
    add_agency(services, "威海市文登区龙山街道办事处", level="township")
    add_agency(services, "威海市环翠区教育局", region="山东省/威海市/环翠区")
    with services.sessions.begin() as session:
        registry.set_region_deadline(session, "威海市", "", (1, 28), now=at(2026, 12, 1), note="威海市规定")
        registry.set_region_deadline(
            session, "威海市/文登区", "department", (1, 26), now=at(2026, 12, 1), note="文登区规定"
        )
        registry.set_region_deadline(session, "文登区", "township", (1, 20), now=at(2026, 12, 1))
        registry.set_agency_deadline(session, dept, (1, 15), now=at(2026, 12, 1), note="本局自定")
    snap = load_snapshot(services, [2026])
    got = {r.name: (resolve(r, 2026, snap.rules).day.isoformat(), resolve(r, 2026, snap.rules).source)
           for r in snap.reporters}  # fmt: skip
    assert got == {
        "威海市文登区教育局": ("2027-01-15", "本局自定"),
        "威海市文登区人民政府": ("2027-01-28", "威海市规定"),  # the region rule for every category
        "威海市文登区龙山街道办事处": ("2027-01-20", "文登区规定"),
        "威海市环翠区教育局": ("2027-01-28", "威海市规定"),
    }
    services.close()


def test_deadline_helpers() -> None:
    assert category_of("威海市文登区人民政府", "county") is Category.GOVERNMENT
    assert category_of("威海市文登区龙山街道办事处", "") is Category.TOWNSHIP
    assert category_of("文登区大水泊镇人民政府", "") is Category.TOWNSHIP
    assert category_of("威海市文登区科学技术局", "county") is Category.DEPARTMENT
    assert parse_month_day("01-26") == (1, 26)
    assert parse_month_day("1月26日") == (1, 26)
    assert parse_month_day("2027-01-26") == (1, 26)
    assert parse_month_day("2月30日") is None
    assert parse_month_day("下周") is None
    assert region_match_depth("山东省/威海市/文登区", "", "威海市") == 2
    assert region_match_depth("山东省/威海市/文登区", "", "威海市/文登区") == 3
    assert region_match_depth("山东省/威海市/环翠区", "", "文登区") == 0
    assert region_match_depth("", "威海市文登区科学技术局", "文登区") == 1

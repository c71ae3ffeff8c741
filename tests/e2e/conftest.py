"""A fake Bot API on 127.0.0.1 and the real Application polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.core.services import Services
from bot.tg.app import BotApplication, build_application, running
from tests.conftest import make_settings
from tests.e2e.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "tests" / "samples" / "generated"
SEEDS = ROOT / "tests" / "samples" / "seeds"


def bot_settings(data_dir: Path, db_url: str, api: FakeBotApi, **overrides: Any) -> Settings:
    return make_settings(
        data_dir,
        db_url,
        telegram_bot_token=api.token,
        bot_api_url=api.url,
        **overrides,
    )


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    fake = FakeBotApi()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
def bot_overrides() -> dict[str, Any]:
    """Settings overrides for the running bot; tests override this fixture."""
    return {}


@pytest.fixture
async def bot(
    api: FakeBotApi, data_dir: Path, db_url: str, bot_overrides: dict[str, Any]
) -> AsyncIterator[BotApplication]:
    settings = bot_settings(data_dir, db_url, api, **bot_overrides)
    application = build_application(settings, Services.open)
    async with running(application, poll_timeout=1) as app:
        yield app

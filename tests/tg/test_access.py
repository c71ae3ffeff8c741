"""Upload policy and the per-user token bucket."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.tg.access import AccessPolicy, TokenBuckets
from tests.conftest import make_settings


def test_open_mode_when_nothing_configured(tmp_path: Path) -> None:
    policy = AccessPolicy.from_settings(make_settings(tmp_path))
    assert policy.open_mode
    assert policy.may_upload(1, 1) and policy.may_upload(2, -100)


@pytest.mark.parametrize(
    ("user", "chat", "allowed"),
    [
        (10, 10, True),  # admin, private chat
        (10, -500, True),  # admin, any group
        (20, 20, False),  # stranger, private chat
        (20, -100, True),  # member of an allowed group
        (30, 30, True),  # user id listed as an allowed chat
        (20, -500, False),  # stranger, other group
        (None, -500, False),
    ],
)
def test_admins_and_allowed_chats(tmp_path: Path, user: int | None, chat: int, allowed: bool) -> None:
    policy = AccessPolicy.from_settings(make_settings(tmp_path, admins=[10], allowed_chats=[-100, 30]))
    assert not policy.open_mode
    assert policy.may_upload(user, chat) is allowed


def test_token_bucket_allows_a_burst_then_refills() -> None:
    buckets = TokenBuckets(capacity=3, per_second=1.0)
    assert [buckets.take(7, now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take(7, now=0.0) == pytest.approx(1.0)
    assert buckets.take(8, now=0.0) == 0.0  # per user
    assert buckets.take(7, now=1.5) == 0.0
    assert buckets.take(7, now=1.5) == pytest.approx(0.5)


def test_token_bucket_zero_capacity_disables() -> None:
    buckets = TokenBuckets(capacity=0, per_second=0)
    assert all(buckets.take(1, now=0.0) == 0.0 for _ in range(100))


def test_token_bucket_memory_is_bounded() -> None:
    buckets = TokenBuckets(capacity=2, per_second=1.0, max_users=100)
    for user in range(1000):
        buckets.take(user, now=0.0)
    assert len(buckets._buckets) <= 100

"""Who may upload, and how fast anyone may send. Pure: no Telegram objects, easy to test.

Policy (NIANBAO_ADMINS, NIANBAO_ALLOWED_CHATS):
- Neither set ("open mode", e.g. a first try-out): anyone may upload, in private chats and
  groups. The bot logs a warning at start so an operator notices.
- Otherwise: admins may upload anywhere; in a chat listed in NIANBAO_ALLOWED_CHATS every
  member may upload (a user id listed there may upload in a private chat with the bot).
Everyone may ask questions; uploads and questions share one per-user rate limit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.config import Settings


@dataclass(frozen=True)
class AccessPolicy:
    admins: frozenset[int]
    allowed_chats: frozenset[int]

    @classmethod
    def from_settings(cls, settings: Settings) -> AccessPolicy:
        return cls(frozenset(settings.admins), frozenset(settings.allowed_chats))

    @property
    def open_mode(self) -> bool:
        return not self.admins and not self.allowed_chats

    def may_upload(self, user_id: int | None, chat_id: int | None) -> bool:
        if self.open_mode:
            return True
        if user_id is not None and user_id in self.admins:
            return True
        return chat_id is not None and chat_id in self.allowed_chats


class TokenBuckets:
    """One token bucket per user: `capacity` actions at once, refilled at `per_second`.

    In memory: a restart forgets the counts, which is harmless for a courtesy limit.
    capacity <= 0 disables the limit.
    """

    def __init__(self, capacity: float, per_second: float, *, max_users: int = 100_000) -> None:
        self.capacity = capacity
        self.per_second = per_second
        self._max_users = max_users
        self._buckets: dict[int, tuple[float, float]] = {}  # user -> (tokens, last refill)

    def take(self, user_id: int, cost: float = 1.0, *, now: float | None = None) -> float:
        """0.0 when allowed (and charged); otherwise the seconds to wait."""
        if self.capacity <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(user_id, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.per_second)
        if tokens >= cost:
            self._store(user_id, tokens - cost, now)
            return 0.0
        self._store(user_id, tokens, now)
        return (cost - tokens) / self.per_second if self.per_second > 0 else float("inf")

    def _store(self, user_id: int, tokens: float, now: float) -> None:
        if len(self._buckets) >= self._max_users and user_id not in self._buckets:
            # Full buckets carry no information; drop them first, then anything.
            full = [u for u, (t, _) in self._buckets.items() if t >= self.capacity]
            for u in full or list(self._buckets)[: self._max_users // 10]:
                del self._buckets[u]
        self._buckets[user_id] = (tokens, now)

"""The network's settings: after how many days without an answer a discussion becomes a
reminder in the requester's inbox."""

from __future__ import annotations

from tsn_desktop.core.settings import Option

NO_ANSWER_DAYS: Option[int] = Option("network/no_answer_days", int, 3, lambda v: 1 <= v <= 60)

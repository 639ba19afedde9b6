"""Per-token rate limits on push and pull: 429 with Retry-After, other tokens unaffected.

The limits are `tsn-hub serve --push-per-minute/--pull-per-minute` budgets: here one
push and two pulls a minute, so a third request in the same breath is over budget
whatever the machine's speed (refilling one request takes 30 s or more).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import running_hub
from hub_harness import Hub, patient, upsert


@pytest.fixture
def throttled_hub(db_url: str, tmp_path: Path) -> Iterator[Hub]:
    args = ("--push-per-minute", "1", "--pull-per-minute", "2")
    with running_hub(db_url, tmp_path, args) as server:
        yield server


def test_a_token_over_its_budget_gets_429_with_retry_after(throttled_hub: Hub) -> None:
    busy, other = throttled_hub.practitioner("Dr Busy"), throttled_hub.practitioner("Dr Other")
    push_url = f"{throttled_hub.base}/sync/v1/push"
    body = {"ops": [upsert(patient())]}

    pushes = [busy.session.post(push_url, json=body, timeout=30) for _ in range(2)]
    pulls = [busy.get("/sync/v1/pull") for _ in range(2)]
    snapshot = busy.get("/sync/v1/snapshot")

    assert [r.status_code for r in pushes] == [200, 429]
    assert [r.status_code for r in pulls] == [200, 200]
    assert snapshot.status_code == 429  # snapshot pages count as pulls
    for refused in (pushes[1], snapshot):
        assert int(refused.headers["Retry-After"]) >= 1
        assert refused.json()["issue"][0]["code"] == "throttled"
    # The budget is per token: a colleague on the same hub is not slowed down.
    assert other.session.post(push_url, json=body, timeout=30).status_code == 200
    assert other.get("/sync/v1/pull").status_code == 200

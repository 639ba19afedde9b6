"""Writing an export file whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def whole_or_nothing(path: Path, mode: str = "w", **options: Any) -> Iterator[IO[Any]]:
    """Opens `path` + ".part" (`mode` and `options` as for open()) for the block to write;
    then syncs it and renames it to `path`, or removes it if the block raised, so that
    no one ever finds a half-written file at `path`."""
    part = path.with_name(path.name + ".part")
    try:
        with part.open(mode, **options) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise

"""Fixtures for the core tests: the shared ones (frozen clock, fast scrypt) are in
tests/conftest.py; FAST_KDF stays importable from here."""

from __future__ import annotations

from tests.helpers import FAST_KDF

__all__ = ["FAST_KDF"]

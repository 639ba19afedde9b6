"""Constants and helpers the tests share (fixtures live in tests/conftest.py)."""

from __future__ import annotations

from tsn_desktop.core.vault import KdfParams

# Cheap scrypt for tests only, passed explicitly to the wizard and create_profile; the
# product default (KdfParams(), n=2**17) is never changed and is checked on its own.
FAST_KDF = KdfParams(n=2**12)

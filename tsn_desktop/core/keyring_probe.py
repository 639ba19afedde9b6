"""Whether "remember on this computer" can work: is there a real OS keyring backend?"""

from __future__ import annotations


def keyring_usable() -> bool:
    """False when keyring fell back to its fail or null backend (no Secret Service, no
    Keychain, no Credential Locker): the UI then says so instead of offering the option."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring install means "no keyring"
        return False
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True

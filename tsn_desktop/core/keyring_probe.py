"""Whether "remember on this computer" can work: is the keyring backend a real OS store?"""

from __future__ import annotations

from typing import Any

# The OS stores, by module and class name (importing them all would fail off their OS):
# Secret Service (GNOME Keyring, KeePassXC...), KWallet, macOS Keychain, Windows Credential
# Locker. Anything else (keyrings.alt's PlaintextKeyring and other file backends, the fail
# and null fallbacks, unknown third-party backends) is refused: the database key would sit
# in a file of the home folder, in clear or under a weaker secret than the passphrase.
OS_STORES: tuple[tuple[str, str], ...] = (
    ("keyring.backends.SecretService", "Keyring"),
    ("keyring.backends.libsecret", "Keyring"),
    ("keyring.backends.kwallet", "DBusKeyring"),
    ("keyring.backends.kwallet", "DBusKeyringKWallet4"),
    ("keyring.backends.macOS", "Keyring"),
    ("keyring.backends.Windows", "WinVaultKeyring"),
)


def is_os_store(backend: Any) -> bool:
    """True for one of the OS stores itself (not a subclass: keyrings.alt builds on them)."""
    kind = type(backend)
    return (kind.__module__, kind.__qualname__) in OS_STORES


def secure_keyring() -> Any | None:
    """The OS store to use, or None. A chainer (several backends) gives its first OS store
    and skips the others, so a plain file further down the chain is never written."""
    try:
        import keyring
        from keyring.backends import chainer

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring install means "no keyring"
        return None
    if isinstance(backend, chainer.ChainerBackend):
        return next((b for b in backend.backends if is_os_store(b)), None)
    return backend if is_os_store(backend) else None


def keyring_usable() -> bool:
    """False unless an OS store is there: the UI then says so instead of offering the
    option, and the hub token stays in the encrypted profile."""
    return secure_keyring() is not None

"""Profile keys: a passphrase, through scrypt, wraps a random database key; optional keyring."""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from tsn_desktop.core.clock import Clock, parse_utc_iso, utc_iso

VAULT_FILE = "vault.json"
DB_FILE = "practice.db"
KEYRING_SERVICE = "tsn-desktop"
MIN_PASSPHRASE_LENGTH = 12
# Unlock attempts allowed before each further try must wait.
FREE_ATTEMPTS = 5


class VaultError(Exception):
    """A profile's key material cannot be used."""


class WrongPassphrase(VaultError):
    pass


class UnlockThrottled(VaultError):
    def __init__(self, wait: timedelta) -> None:
        super().__init__(f"too many wrong passphrases; wait {int(wait.total_seconds())} s")
        self.wait = wait


class KeyringUnavailable(VaultError):
    pass


@dataclass(frozen=True)
class KdfParams:
    # n=2**17, r=8 takes ~0.4 s on a 2-core CI machine: slow for guessing, fine at unlock.
    n: int = 2**17
    r: int = 8
    p: int = 1
    salt: bytes = b""

    def derive(self, passphrase: str) -> bytes:
        kdf = Scrypt(salt=self.salt, length=32, n=self.n, r=self.r, p=self.p)
        return kdf.derive(passphrase.encode("utf-8"))


def passphrase_problem(passphrase: str) -> str | None:
    """Why a passphrase is refused (a code the UI words), or None when acceptable."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return "too_short"
    if passphrase.strip() != passphrase:
        return "surrounding_spaces"
    if len(set(passphrase)) < 5:
        return "too_repetitive"
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


@dataclass(frozen=True)
class ProfileInfo:
    """What may sit in clear beside the encrypted database: no patient data."""

    profile_id: str
    label: str
    profession: str
    directory: Path


class Vault:
    """The wrapped database key of one practitioner profile, stored in vault.json."""

    def __init__(self, directory: Path, document: dict) -> None:
        self.directory = directory
        self._doc = document

    # --- creation and loading -------------------------------------------------
    @classmethod
    def create(
        cls,
        directory: Path,
        passphrase: str,
        *,
        label: str,
        profession: str,
        clock: Clock,
        kdf: KdfParams | None = None,
    ) -> tuple[Vault, bytes]:
        problem = passphrase_problem(passphrase)
        if problem:
            raise VaultError(f"passphrase refused: {problem}")
        directory.mkdir(parents=True, exist_ok=True)
        if (directory / VAULT_FILE).exists():
            raise VaultError("a profile already exists in this folder")
        db_key = secrets.token_bytes(32)
        profile_id = directory.name if _is_uuid(directory.name) else str(uuid.uuid4())
        doc = {
            "format": 1,
            "profile_id": profile_id,
            "label": label,
            "profession": profession,
            "created_at": utc_iso(clock.now()),
            "failed_attempts": 0,
            "last_failure_at": None,
        }
        vault = cls(directory, doc)
        vault._wrap(db_key, passphrase, replace(kdf or KdfParams(), salt=os.urandom(16)))
        vault._save()
        return vault, db_key

    @classmethod
    def load(cls, directory: Path) -> Vault:
        path = directory / VAULT_FILE
        try:
            doc = json.loads(path.read_text("utf-8"))
            for field in ("profile_id", "kdf", "wrapped_key", "nonce"):
                doc[field]  # noqa: B018 - presence check
        except FileNotFoundError as exc:
            raise VaultError("no profile in this folder") from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise VaultError("the profile's key file is damaged") from exc
        return cls(directory, doc)

    # --- properties -------------------------------------------------------------
    @property
    def profile_id(self) -> str:
        return self._doc["profile_id"]

    @property
    def info(self) -> ProfileInfo:
        return ProfileInfo(
            self.profile_id, self._doc.get("label", ""), self._doc.get("profession", ""),
            self.directory,
        )

    @property
    def db_path(self) -> Path:
        return self.directory / DB_FILE

    @property
    def kdf(self) -> KdfParams:
        k = self._doc["kdf"]
        return KdfParams(n=k["n"], r=k["r"], p=k["p"], salt=_unb64(k["salt"]))

    # --- unlocking ------------------------------------------------------------
    def throttle_wait(self, clock: Clock) -> timedelta:
        """How long the next try must wait: nothing for the first five, then doubling."""
        failures = int(self._doc.get("failed_attempts", 0))
        last = self._doc.get("last_failure_at")
        if failures < FREE_ATTEMPTS or not last:
            return timedelta(0)
        delay = timedelta(seconds=min(30 * 2 ** (failures - FREE_ATTEMPTS), 15 * 60))
        remaining = parse_utc_iso(last) + delay - clock.now()
        return max(remaining, timedelta(0))

    def unlock(self, passphrase: str, clock: Clock) -> bytes:
        wait = self.throttle_wait(clock)
        if wait > timedelta(0):
            raise UnlockThrottled(wait)
        try:
            key = self._unwrap(passphrase)
        except WrongPassphrase:
            # Counted on disk so that restarting the app does not reset the wait.
            self._doc["failed_attempts"] = int(self._doc.get("failed_attempts", 0)) + 1
            self._doc["last_failure_at"] = utc_iso(clock.now())
            self._save()
            raise
        if self._doc.get("failed_attempts"):
            self._doc["failed_attempts"] = 0
            self._doc["last_failure_at"] = None
            self._save()
        return key

    def change_passphrase(self, old: str, new: str, clock: Clock) -> None:
        """Re-wraps the same database key: the database itself is not rewritten."""
        problem = passphrase_problem(new)
        if problem:
            raise VaultError(f"passphrase refused: {problem}")
        key = self.unlock(old, clock)
        self._wrap(key, new, replace(self.kdf, salt=os.urandom(16)))
        self._save()

    # --- keyring ("remember on this computer") --------------------------------
    def remember_key(self, key: bytes) -> None:
        try:
            import keyring
            from keyring.errors import KeyringError

            try:
                keyring.set_password(KEYRING_SERVICE, self.profile_id, _b64(key))
            except KeyringError as exc:
                raise KeyringUnavailable(str(exc)) from exc
        except RuntimeError as exc:  # some backends raise plain RuntimeError
            raise KeyringUnavailable(str(exc)) from exc

    def recall_key(self) -> bytes | None:
        """The remembered key, or None (nothing stored, no backend, or a stale key)."""
        try:
            import keyring

            stored = keyring.get_password(KEYRING_SERVICE, self.profile_id)
        except Exception:  # noqa: BLE001 - any backend failure means "ask the passphrase"
            return None
        if not stored:
            return None
        try:
            key = _unb64(stored)
        except ValueError:
            return None
        return key if len(key) == 32 else None

    def forget_key(self) -> None:
        try:
            import keyring

            keyring.delete_password(KEYRING_SERVICE, self.profile_id)
        except Exception:  # noqa: BLE001 - nothing stored or no backend: nothing to forget
            pass

    # --- internals --------------------------------------------------------------
    def _aad(self) -> bytes:
        # Binds the wrapped key to this profile: a vault.json copied onto another
        # profile's folder does not unwrap there.
        return f"tsn-desktop/vault/1/{self.profile_id}".encode()

    def _wrap(self, key: bytes, passphrase: str, kdf: KdfParams) -> None:
        kek = kdf.derive(passphrase)
        nonce = os.urandom(12)
        wrapped = AESGCM(kek).encrypt(nonce, key, self._aad())
        self._doc["kdf"] = {"name": "scrypt", "n": kdf.n, "r": kdf.r, "p": kdf.p,
                            "salt": _b64(kdf.salt)}
        self._doc["nonce"] = _b64(nonce)
        self._doc["wrapped_key"] = _b64(wrapped)

    def _unwrap(self, passphrase: str) -> bytes:
        kek = self.kdf.derive(passphrase)
        try:
            return AESGCM(kek).decrypt(
                _unb64(self._doc["nonce"]), _unb64(self._doc["wrapped_key"]), self._aad()
            )
        except InvalidTag as exc:
            raise WrongPassphrase("wrong passphrase") from exc

    def _save(self) -> None:
        path = self.directory / VAULT_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._doc, indent=2), "utf-8")
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def profiles_root(basedir: Path) -> Path:
    return basedir / "profiles"


def list_profiles(basedir: Path) -> list[ProfileInfo]:
    """Every readable profile under basedir, sorted by label (a shared consulting room)."""
    root = profiles_root(basedir)
    found: list[ProfileInfo] = []
    if root.is_dir():
        for child in sorted(root.iterdir()):
            if (child / VAULT_FILE).is_file():
                try:
                    found.append(Vault.load(child).info)
                except VaultError:
                    continue
    return sorted(found, key=lambda p: p.label.casefold())


def new_profile_dir(basedir: Path) -> Path:
    return profiles_root(basedir) / str(uuid.uuid4())


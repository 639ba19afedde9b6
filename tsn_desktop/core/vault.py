"""Profile keys: a passphrase, through scrypt, wraps a random database key; optional keyring."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from tsn_desktop.core.clock import Clock, parse_utc_iso, utc_iso
from tsn_desktop.core.passphrase import passphrase_problem
from tsn_desktop.core.paths import make_private_dir, write_private_file

VAULT_FILE = "vault.json"
DB_FILE = "practice.db"
KEYRING_SERVICE = "tsn-desktop"
# Unlock attempts allowed before each further try must wait.
FREE_ATTEMPTS = 5
MAX_WAIT = timedelta(minutes=15)
# Format 2: a check value over the key material, and a failure counter bound to the
# wrapped key by a hash chain (see docs/profile-security.md). Format 1 files still open.
FORMAT = 2
# Failures the hash chain can count; past FREE_ATTEMPTS + 5 the wait is already the maximum.
THROTTLE_CHAIN = 64
# Fields a wrong passphrase rewrites: outside the check value, guarded by the chain instead.
_COUNTER_FIELDS = ("failed_attempts", "failure_proof", "last_failure_at")


class VaultError(Exception):
    """A profile's key material cannot be used."""


class KeyFileDamaged(VaultError):
    """vault.json is unreadable or fails its check value: damage, not a wrong passphrase."""


class KeyFileMissing(VaultError):
    """The profile folder has no vault.json (deleted or never finished)."""


class KeyFileTooNew(VaultError):
    """vault.json has a format this app does not know: a newer TSN Desktop wrote it. The
    file is left as it is (an older app rewriting it would damage the profile). `label`
    and `profession`, when still readable, say whose profile it is."""

    def __init__(self, label: str = "", profession: str = "") -> None:
        super().__init__("this profile was written by a newer TSN Desktop")
        self.label = label
        self.profession = profession


class WrongPassphrase(VaultError):
    pass


class UnlockThrottled(VaultError):
    def __init__(self, wait: timedelta) -> None:
        super().__init__(f"too many wrong passphrases; wait {int(wait.total_seconds())} s")
        self.wait = wait


class KeyringUnavailable(VaultError):
    pass


class KeyringRefused(KeyringUnavailable):
    """The keyring backend keeps secrets in a plain file: the key is not put there."""


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


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)



def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _chain(value: bytes, steps: int) -> bytes:
    for _ in range(steps):
        value = _sha256(value)
    return value


# Damage codes a profile can carry in the list (the UI words them).
DAMAGE_KEY_FILE_MISSING = "key_file_missing"
DAMAGE_KEY_FILE = "key_file_damaged"
DAMAGE_DATABASE_MISSING = "database_missing"
# Not damage: a newer TSN Desktop wrote the profile (vault format or database migrations).
NEWER_APP = "newer_app"


@dataclass(frozen=True)
class ProfileInfo:
    """What may sit in clear beside the encrypted database: no patient data.

    `damage` is None for a profile that can be offered for unlocking, else a code
    (key_file_missing, key_file_damaged, database_missing): the profile is listed so that
    the app says what is wrong instead of taking it for a first run."""

    profile_id: str
    label: str
    profession: str
    directory: Path
    damage: str | None = None


@dataclass(frozen=True)
class _Wrap:
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes


class Vault:
    """The wrapped database key of one practitioner profile, stored in vault.json."""

    def __init__(self, directory: Path, document: dict) -> None:
        self.directory = directory
        self._doc = document
        # When this process first looked at the throttle: the wait runs from here at the
        # earliest, so editing last_failure_at in the file does not shorten it.
        self._seen_at: datetime | None = None
        self._used_pending: tuple[bytes, bytes, KdfParams] | None = None

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
        personal: tuple[str, ...] = (),
        db_key: bytes | None = None,
    ) -> tuple[Vault, bytes]:
        problem = passphrase_problem(passphrase, personal)
        if problem:
            raise VaultError(f"passphrase refused: {problem}")
        if (directory / VAULT_FILE).exists() or (directory / DB_FILE).exists():
            raise VaultError("a profile already exists in this folder")
        make_private_dir(directory)
        db_key = db_key or secrets.token_bytes(32)
        profile_id = directory.name if _is_uuid(directory.name) else str(uuid.uuid4())
        doc = {
            "format": FORMAT,
            "profile_id": profile_id,
            "label": label,
            "profession": profession,
            "created_at": utc_iso(clock.now()),
            "last_failure_at": None,
        }
        vault = cls(directory, doc)
        vault._new_anchor()
        params = replace(kdf or KdfParams(), salt=os.urandom(16))
        vault._set_wrap(vault._wrap(db_key, params.derive(passphrase), params))
        vault._save()
        return vault, db_key

    @classmethod
    def load(cls, directory: Path) -> Vault:
        """The vault of `directory`; KeyFileMissing / KeyFileDamaged / KeyFileTooNew say what
        is wrong."""
        path = directory / VAULT_FILE
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileMissing("no key file in this profile folder") from exc
        except OSError as exc:
            raise KeyFileDamaged("the profile's key file cannot be read") from exc
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict):
                raise TypeError("not an object")
            if isinstance(doc.get("format"), int) and doc["format"] > FORMAT:
                raise KeyFileTooNew(str(doc.get("label", "")), str(doc.get("profession", "")))
            vault = cls(directory, doc)
            vault._validate()
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
            raise KeyFileDamaged("the profile's key file is damaged") from exc
        return vault

    def _validate(self) -> None:
        doc = self._doc
        fmt = doc["format"]
        if fmt not in (1, FORMAT):
            raise ValueError("unknown key file format")
        if not isinstance(doc["profile_id"], str):
            raise TypeError("profile_id")
        self._main_wrap()  # parses kdf, nonce and wrapped_key
        if "pending" in doc:
            self._pending_wrap()
        if fmt == FORMAT:
            if len(bytes.fromhex(doc["throttle_anchor"])) != 32:
                raise ValueError("throttle anchor")
            if not hmac.compare_digest(str(doc["check"]), self._check_value()):
                raise ValueError("check value")

    # --- properties -------------------------------------------------------------
    @property
    def profile_id(self) -> str:
        return self._doc["profile_id"]

    @property
    def info(self) -> ProfileInfo:
        return ProfileInfo(
            self.profile_id, str(self._doc.get("label", "")),
            str(self._doc.get("profession", "")), self.directory,
        )

    @property
    def db_path(self) -> Path:
        return self.directory / DB_FILE

    @property
    def kdf(self) -> KdfParams:
        return self._main_wrap().kdf

    @property
    def has_pending_change(self) -> bool:
        """A passphrase change was under way (interrupted, or not yet settled)."""
        return "pending" in self._doc

    # --- the failure counter ----------------------------------------------------
    @property
    def counter_damaged(self) -> bool:
        """The counter does not match its chain (edited or damaged): it counts as the most
        failures, so the next try waits the longest."""
        return self._counted_failures() is None

    def failures(self) -> int:
        counted = self._counted_failures()
        return THROTTLE_CHAIN if counted is None else counted

    def _counted_failures(self) -> int | None:
        doc = self._doc
        try:
            failures = doc.get("failed_attempts", 0)
            if isinstance(failures, bool) or not isinstance(failures, int):
                return None
            if doc["format"] == 1:  # no chain before format 2; upgraded at the next unlock
                return max(failures, 0)
            if not 0 <= failures <= THROTTLE_CHAIN:
                return None
            proof = bytes.fromhex(doc["failure_proof"])
            anchor = bytes.fromhex(doc["throttle_anchor"])
        except (KeyError, TypeError, ValueError):
            return None
        # Each failure hashes the proof once more; the anchor is the end of the chain and
        # sits in the wrapped key's associated data. Lowering the count needs a preimage;
        # replacing the anchor makes the right passphrase fail too.
        if not hmac.compare_digest(_chain(proof, THROTTLE_CHAIN - failures), anchor):
            return None
        return failures

    def throttle_wait(self, clock: Clock) -> timedelta:
        """How long the next try must wait: nothing for the first five, then doubling."""
        now = clock.now()
        if self._seen_at is None:
            self._seen_at = now
        failures = self.failures()
        if failures < FREE_ATTEMPTS:
            return timedelta(0)
        delay = min(timedelta(seconds=30 * 2 ** min(failures - FREE_ATTEMPTS, 10)), MAX_WAIT)
        start = self._seen_at
        try:
            last = parse_utc_iso(str(self._doc["last_failure_at"]))
        except (KeyError, TypeError, ValueError):
            last = None
        if last is not None and start < last <= now:
            start = last
        return max(start + delay - now, timedelta(0))

    def _count_failure(self, clock: Clock) -> None:
        counted = self._counted_failures()
        if counted is not None and counted < THROTTLE_CHAIN:
            self._doc["failed_attempts"] = counted + 1
            if self._doc["format"] == FORMAT:
                self._doc["failure_proof"] = _sha256(
                    bytes.fromhex(self._doc["failure_proof"])).hex()
        self._doc["last_failure_at"] = utc_iso(clock.now())

    def _new_anchor(self) -> None:
        seed = secrets.token_bytes(32)
        self._doc["throttle_anchor"] = _chain(seed, THROTTLE_CHAIN).hex()
        self._doc["failure_proof"] = seed.hex()
        self._doc["failed_attempts"] = 0
        self._doc["last_failure_at"] = None

    def _rewrap_on_new_chain(self, key: bytes, kek: bytes, kdf: KdfParams) -> None:
        """A fresh throttle chain in the current format, the key wrapped again (new nonce,
        current AAD) with the same KEK, saved."""
        self._new_anchor()
        self._doc["format"] = FORMAT
        self._set_wrap(self._wrap(key, kek, kdf))
        self._save()

    # --- unlocking ------------------------------------------------------------
    def unlock(self, passphrase: str, clock: Clock) -> bytes:
        wait = self.throttle_wait(clock)
        if wait > timedelta(0):
            raise UnlockThrottled(wait)
        main = self._main_wrap()
        kek = main.kdf.derive(passphrase)
        try:
            key = self._open_wrap(main, kek, self._aad())
        except WrongPassphrase:
            if not self.has_pending_change:
                self._failed(clock)
            pending = self._pending_wrap()
            pending_kek = pending.kdf.derive(passphrase)
            try:
                key = self._open_wrap(pending, pending_kek, self._pending_aad())
            except WrongPassphrase:
                self._failed(clock)
            # The new passphrase of an interrupted change: settled once the database
            # says which key it has (settle_pending).
            self._used_pending = (key, pending_kek, pending.kdf)
            return key
        self._used_pending = None
        if self._doc["format"] != FORMAT or self._counted_failures() != 0:
            # A fresh chain (and the format 2 upgrade) re-wraps the key with the same KEK.
            self._rewrap_on_new_chain(key, kek, main.kdf)
        return key

    def _failed(self, clock: Clock) -> None:
        # Counted on disk so that restarting the app does not reset the wait.
        self._count_failure(clock)
        self._save()
        raise WrongPassphrase("wrong passphrase")

    # --- changing the passphrase (the database key changes with it) ------------------
    def begin_change(self, old: str, new: str, new_key: bytes, clock: Clock, *,
                     personal: tuple[str, ...] = ()) -> bytes:
        """Step 1 of a passphrase change: checks the old passphrase (counted like an
        unlock) and saves the new key wrapped by the new passphrase beside the current one.
        Returns the current key. The caller re-keys the database, then calls
        `finish_change`; an interruption in between leaves both passphrases usable."""
        problem = passphrase_problem(new, personal)
        if problem:
            raise VaultError(f"passphrase refused: {problem}")
        if self.has_pending_change:
            raise VaultError("an earlier passphrase change is not settled")
        current = self.unlock(old, clock)
        params = replace(self.kdf, salt=os.urandom(16))
        kek = params.derive(new)
        self._doc["pending"] = _wrap_doc(self._wrap(new_key, kek, params, self._pending_aad()))
        self._save()
        self._used_pending = (new_key, kek, params)
        return current

    def finish_change(self) -> None:
        """Step 2: the database now has the new key; the old wrapping is dropped."""
        if self._used_pending is None:
            raise VaultError("no passphrase change under way")
        self._promote_pending(self._used_pending)

    def cancel_change(self) -> None:
        """The re-key did not happen: the pending wrapping is dropped."""
        self._doc.pop("pending", None)
        self._used_pending = None
        self._save()

    def settle_pending(self, key_that_opened: bytes) -> None:
        """After an interrupted change: the key that opened the database decides which
        wrapping stays."""
        if not self.has_pending_change:
            return
        if self._used_pending is not None and self._used_pending[0] == key_that_opened:
            self._promote_pending(self._used_pending)
        else:
            self.cancel_change()

    def _promote_pending(self, used: tuple[bytes, bytes, KdfParams]) -> None:
        key, kek, kdf = used
        self._doc.pop("pending", None)
        self._new_anchor()
        self._doc["format"] = FORMAT
        self._set_wrap(self._wrap(key, kek, kdf))
        self._used_pending = None
        self._save()

    def rebind(self, profile_id: str, passphrase: str) -> bytes:
        """A restored copy becomes its own profile: the key is re-wrapped for the new id
        (a wrong passphrase raises WrongPassphrase; nothing is counted on a copy)."""
        if self.has_pending_change:
            raise VaultError("the backup holds an unsettled passphrase change")
        main = self._main_wrap()
        kek = main.kdf.derive(passphrase)
        key = self._open_wrap(main, kek, self._aad())
        self._doc["profile_id"] = profile_id
        self._rewrap_on_new_chain(key, kek, main.kdf)
        return key

    # --- keyring ("remember on this computer") --------------------------------
    def remember_key(self, key: bytes) -> None:
        """Puts the key in the OS keyring; KeyringRefused for a plain-file backend."""
        from tsn_desktop.core.keyring_probe import secure_keyring

        try:
            ring = secure_keyring()
            if ring is None:
                raise KeyringRefused("no secure OS keyring on this computer")
            from keyring.errors import KeyringError

            try:
                ring.set_password(KEYRING_SERVICE, self.profile_id, _b64(key))
            except KeyringError as exc:
                raise KeyringUnavailable(str(exc)) from exc
        except RuntimeError as exc:  # some backends raise plain RuntimeError
            raise KeyringUnavailable(str(exc)) from exc

    def recall_key(self) -> bytes | None:
        """The remembered key, or None (nothing stored, no backend, or a stale key)."""
        from tsn_desktop.core.keyring_probe import secure_keyring

        try:
            ring = secure_keyring()
            stored = ring.get_password(KEYRING_SERVICE, self.profile_id) if ring else None
        except Exception:  # noqa: BLE001 - any backend failure means "ask the passphrase"
            return None
        if not stored:
            return None
        try:
            key = _unb64(stored)
        except ValueError:
            return None
        return key if len(key) == 32 else None

    def is_remembered(self) -> bool:
        return self.recall_key() is not None

    def forget_key(self) -> bool:
        """Removes the remembered key from the keyring; False when none was there."""
        try:
            import keyring

            keyring.delete_password(KEYRING_SERVICE, self.profile_id)
        except Exception:  # noqa: BLE001 - nothing stored or no backend: nothing to forget
            return False
        return True

    # --- internals --------------------------------------------------------------
    def _aad(self) -> bytes:
        # Binds the wrapped key to this profile (a vault.json copied onto another
        # profile's folder does not unwrap there) and, from format 2, to the throttle
        # anchor (a forged anchor makes the right passphrase fail as well).
        if self._doc["format"] == 1:
            return f"tsn-desktop/vault/1/{self.profile_id}".encode()
        return f"tsn-desktop/vault/2/{self.profile_id}/{self._doc['throttle_anchor']}".encode()

    def _pending_aad(self) -> bytes:
        return f"tsn-desktop/vault/2/{self.profile_id}/pending".encode()

    def _main_wrap(self) -> _Wrap:
        return _parse_wrap(self._doc)

    def _pending_wrap(self) -> _Wrap:
        if "pending" not in self._doc:
            raise WrongPassphrase("wrong passphrase")
        return _parse_wrap(self._doc["pending"])

    def _wrap(self, key: bytes, kek: bytes, kdf: KdfParams, aad: bytes | None = None) -> _Wrap:
        nonce = os.urandom(12)
        return _Wrap(kdf, nonce, AESGCM(kek).encrypt(nonce, key, self._aad() if aad is None
                                                      else aad))

    def _set_wrap(self, wrap: _Wrap) -> None:
        self._doc.update(_wrap_doc(wrap))

    @staticmethod
    def _open_wrap(wrap: _Wrap, kek: bytes, aad: bytes) -> bytes:
        try:
            key = AESGCM(kek).decrypt(wrap.nonce, wrap.wrapped, aad)
        except InvalidTag as exc:
            raise WrongPassphrase("wrong passphrase") from exc
        if len(key) != 32:
            raise KeyFileDamaged("the wrapped key has the wrong length")
        return key

    def _check_value(self) -> str:
        """SHA-256 of everything but the failure counter: tells damage from a wrong
        passphrase (AES-GCM alone cannot). Not a secret: it detects, it does not protect."""
        body = {k: v for k, v in self._doc.items() if k not in (*_COUNTER_FIELDS, "check")}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return hashlib.sha256(canonical.encode("ascii")).hexdigest()

    def _save(self) -> None:
        if self._doc["format"] == FORMAT:
            self._doc["check"] = self._check_value()
        write_private_file(self.directory / VAULT_FILE,
                           json.dumps(self._doc, indent=2).encode("utf-8"))


def _parse_wrap(doc: dict) -> _Wrap:
    k = doc["kdf"]
    if k.get("name", "scrypt") != "scrypt":
        raise ValueError("unknown KDF")
    params = KdfParams(n=int(k["n"]), r=int(k["r"]), p=int(k["p"]), salt=_unb64(k["salt"]))
    nonce, wrapped = _unb64(doc["nonce"]), _unb64(doc["wrapped_key"])
    if len(nonce) != 12 or len(wrapped) != 48 or not params.salt:
        raise ValueError("key material of the wrong size")
    return _Wrap(params, nonce, wrapped)


def _wrap_doc(wrap: _Wrap) -> dict:
    return {
        "kdf": {"name": "scrypt", "n": wrap.kdf.n, "r": wrap.kdf.r, "p": wrap.kdf.p,
                "salt": _b64(wrap.kdf.salt)},
        "nonce": _b64(wrap.nonce),
        "wrapped_key": _b64(wrap.wrapped),
    }


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def profiles_root(basedir: Path) -> Path:
    return basedir / "profiles"


def _looks_like_profile(directory: Path) -> bool:
    return any((directory / name).exists() for name in
               (VAULT_FILE, VAULT_FILE + ".tmp", DB_FILE, DB_FILE + "-wal"))


def profile_status(directory: Path) -> ProfileInfo:
    """What the profile folder holds, without any key: readable, or which part is damaged."""
    try:
        info = Vault.load(directory).info
    except KeyFileMissing:
        return ProfileInfo(directory.name, "", "", directory, DAMAGE_KEY_FILE_MISSING)
    except KeyFileTooNew as exc:
        return ProfileInfo(directory.name, exc.label, exc.profession, directory, NEWER_APP)
    except VaultError:
        return ProfileInfo(directory.name, "", "", directory, DAMAGE_KEY_FILE)
    db = directory / DB_FILE
    if not db.is_file() or db.stat().st_size == 0:
        return replace(info, damage=DAMAGE_DATABASE_MISSING)
    return info


def list_profiles(basedir: Path) -> list[ProfileInfo]:
    """Every profile under basedir, sorted by label (a shared consulting room); damaged
    ones too, with their `damage` code, after the readable ones."""
    root = profiles_root(basedir)
    found: list[ProfileInfo] = []
    if root.is_dir():
        for child in sorted(root.iterdir()):
            # Dot folders are restores under way (core.backup), not profiles yet.
            if child.is_dir() and not child.name.startswith(".") and _looks_like_profile(child):
                found.append(profile_status(child))
    return sorted(found, key=lambda p: (p.damage is not None, p.label.casefold()))


def new_profile_dir(basedir: Path) -> Path:
    return profiles_root(basedir) / str(uuid.uuid4())

"""HTTPS and the loopback-only rule for plain HTTP (storage-independent: SQLite only)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import subprocess
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hub_harness import Hub, hub_command, patient, upsert


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tsn-hub test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "hub.pem", tmp_path / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_hub_serves_https_with_a_verified_certificate(tmp_path: Path) -> None:
    hub = Hub(f"sqlite:///{tmp_path / 'hub.db'}", tmp_path / "hub.log", _self_signed(tmp_path))
    hub.start()
    try:
        client = hub.practitioner()
        assert client.push(upsert(patient()))[0]["status"] == "applied"
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(f"{hub.base}/sync/v1/meta", timeout=5)  # default trust store
    finally:
        hub.stop()


def _serve_on_all_interfaces(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return hub_command("serve", "--db", f"sqlite:///{tmp_path / 'h.db'}", "--host", "0.0.0.0",
                       "--port", "0", *options)


def test_plain_http_off_loopback_is_refused(tmp_path: Path) -> None:
    result = _serve_on_all_interfaces(tmp_path)
    assert result.returncode == 2
    assert "refusing plain HTTP" in result.stderr


def test_behind_a_proxy_the_hub_listens_on_loopback_only(tmp_path: Path) -> None:
    result = _serve_on_all_interfaces(tmp_path, "--behind-proxy")
    assert result.returncode == 2
    assert "loopback" in result.stderr


def test_create_practitioner_refuses_a_token_lifetime_that_is_not_positive(
    tmp_path: Path,
) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'h.db'}", "--rpps", "10003456789", "--name", "A B"]
    refused = hub_command("create-practitioner", *db, "--token-days", "0")
    issued = hub_command("create-practitioner", *db, "--token-days", "30")
    assert refused.returncode == 2 and "lifetime" in refused.stderr
    assert issued.returncode == 0 and len(issued.stdout.strip()) > 30

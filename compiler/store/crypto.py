"""Sealing what the store keeps: one master key, keys derived from it, AES-256-GCM, keyed hashes.

Every value that identifies a person or says what they reported is stored
*sealed*: encrypted and authenticated with AES-256-GCM under a key derived
from the store's master key (``keys.py`` says where that comes from). What
the database must look values up by (a record's source and id, a file's
name) is stored as a *lookup hash*: keyed BLAKE2b (a MAC by design, RFC
7693), 128 bits, under another derived key. Equal values give equal hashes,
so lookups and unique constraints work, but without the key nobody can test
a guess ("is Aminata Diallo a source?"). Content hashes (which say "this
record did not change") are keyed the same way (256 bits), for the same
reason. BLAKE2b rather than HMAC-SHA256: one call instead of two hashes, a
third of the time on ingest's path, and a smaller index.

The keys are derived with HKDF-SHA256, one per purpose, so the audit chain's
key is not the sealing key. A key check value (an HMAC of a fixed label)
lets the store tell a wrong key from damaged data when it is opened.

A sealed value is ``b"\\x01" + nonce (12 bytes) + ciphertext + tag (16)``;
the associated data is the column's name, so a value moved into another
column fails to open. Nothing outside ``hrdraft.store`` sees sealed bytes.
"""

from __future__ import annotations

import hashlib
import hmac
import os

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import HrdraftError

MASTER_KEY_BYTES = 32
SCHEME = "aes-256-gcm+blake2b"
# Stores made by the development version before SCHEME (HMAC lookup hashes,
# another index): refused with a clear error rather than misread.
OLD_SCHEMES = ("aes-256-gcm+hmac-sha256",)
_SEALED = b"\x01"  # the format byte of every sealed value
_PLAIN = b"\x00"  # benchmark stores only (see PlainKeyring)
_CHECK_LABEL = b"hrdraft key check v1"

# The associated data of each sealed column: a value only opens where it was sealed.
REVISION_DATA = b"record_revisions.data"
QUARANTINE_RAW = b"quarantine.raw"
QUARANTINE_ERRORS = b"quarantine.errors"
QUARANTINE_FILE = b"quarantine.file_name"
BATCH_FILE = b"batches.file_name"
BATCH_SHA256 = b"batches.sha256"
VERSION_DOCUMENT = b"versions.document"
VERSION_AUTHOR = b"versions.author"
VERSION_MESSAGE = b"versions.message"
AUDIT_DETAILS = b"audit_log.details"


class SealBroken(HrdraftError):
    """A stored value failed its authenticity check although the key is right."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"a stored value ({what}) fails its authenticity check: the database was altered "
            "or damaged",
            "restore the database from a backup; `hrdraft audit verify` checks the audit trail",
        )


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"hrdraft/" + purpose).derive(
        master
    )


class Keyring:
    """The keys of one store, derived from its master key; seals, opens and hashes values."""

    encrypted = True

    def __init__(self, master: bytes) -> None:
        if len(master) != MASTER_KEY_BYTES:
            raise ValueError("a master key is 32 bytes")
        self._aead = AESGCM(_derive(master, b"seal"))
        self._lookup = _derive(master, b"lookup")
        self._content = _derive(master, b"content")
        self._audit = _derive(master, b"audit")
        self.check_value = hmac.new(_derive(master, b"check"), _CHECK_LABEL, "sha256").hexdigest()

    def matches(self, check_value: str) -> bool:
        """Whether this is the key whose check value the store holds."""
        return hmac.compare_digest(self.check_value, check_value)

    # Sealing -------------------------------------------------------------

    def seal(self, data: bytes, column: bytes) -> bytes:
        nonce = os.urandom(12)
        return _SEALED + nonce + self._aead.encrypt(nonce, data, column)

    def open(self, sealed: bytes, column: bytes) -> bytes:
        sealed = bytes(sealed)
        if sealed[:1] != _SEALED:
            raise SealBroken(column.decode())
        try:
            return self._aead.decrypt(sealed[1:13], sealed[13:], column)
        except InvalidTag:
            raise SealBroken(column.decode()) from None

    def seal_text(self, text: str, column: bytes) -> bytes:
        return self.seal(text.encode("utf-8"), column)

    def open_text(self, sealed: bytes, column: bytes) -> str:
        return self.open(sealed, column).decode("utf-8")

    def seal_json(self, value: object, column: bytes) -> bytes:
        return self.seal(orjson.dumps(value), column)

    def open_json(self, sealed: bytes, column: bytes):  # type: ignore[no-untyped-def]
        return orjson.loads(self.open(sealed, column))

    # Keyed hashes --------------------------------------------------------

    def lookup(self, kind: str, *parts: str) -> str:
        """The lookup hash of a value (`kind` keeps a record id apart from a file name)."""
        message = "\x1f".join((kind, *parts)).encode("utf-8")
        return hashlib.blake2b(message, key=self._lookup, digest_size=16).hexdigest()

    def keyed_digest(self, sha256_hex: str) -> str:
        """A content hash (the SHA-256 of some text, in hex) keyed: only the key can compute it."""
        digest = hashlib.blake2b(bytes.fromhex(sha256_hex), key=self._content, digest_size=32)
        return digest.hexdigest()

    def content_hash(self, text: str) -> str:
        """The keyed content hash of `text`."""
        return self.keyed_digest(hashlib.sha256(text.encode("utf-8")).hexdigest())

    def audit_mac(self, message: bytes) -> str:
        """The audit chain's MAC of `message`."""
        return hmac.digest(self._audit, message, "sha256").hex()


class PlainKeyring(Keyring):
    """No encryption: values stored as they are, hashes unkeyed. For benchmarks only.

    ``benchmarks/ingest.py`` measures what sealing costs by ingesting into a
    store opened with this (see ``engine._open_unencrypted``); no command
    can open or make such a store, and a normal open refuses one.
    """

    encrypted = False
    check_value = "unencrypted"

    def __init__(self) -> None:  # no keys at all
        pass

    def seal(self, data: bytes, column: bytes) -> bytes:
        return _PLAIN + data

    def open(self, sealed: bytes, column: bytes) -> bytes:
        return bytes(sealed)[1:]

    def lookup(self, kind: str, *parts: str) -> str:
        return hashlib.sha256("\x1f".join((kind, *parts)).encode("utf-8")).hexdigest()[:32]

    def keyed_digest(self, sha256_hex: str) -> str:
        return sha256_hex

    def audit_mac(self, message: bytes) -> str:
        return hashlib.sha256(message).hexdigest()


def new_master_key() -> bytes:
    return os.urandom(MASTER_KEY_BYTES)

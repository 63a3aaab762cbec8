"""The staff PIN: only a salted scrypt hash is stored; wrong guesses lock the pad for longer and longer.

Format of a stored hash: ``scrypt$N$r$p$<salt, base64>$<key, base64>`` (``kiosk hash-pin`` prints one).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

N, R, P, KEY_BYTES = 2**14, 8, 1, 32
HASH_PATTERN = re.compile(r"^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$")
MAX_FAILURES = 5
FIRST_LOCK_SECONDS = 60


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    if not re.fullmatch(r"\d{4,12}", pin):
        raise ValueError("a PIN is 4 to 12 digits")
    salt = salt or secrets.token_bytes(16)
    key = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=KEY_BYTES)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(key)}"


def check_hash_format(value: str) -> str:
    """Raise ValueError with a helpful message unless ``value`` is a hash made by ``hash_pin``."""
    if re.fullmatch(r"\d+", value.strip()):
        raise ValueError("a plain PIN is not accepted here: store its hash, printed by `kiosk hash-pin`")
    if not HASH_PATTERN.match(value):
        raise ValueError("not a PIN hash (expected scrypt$N$r$p$salt$key, printed by `kiosk hash-pin`)")
    return value


def verify_pin(pin: str, stored: str) -> bool:
    match = HASH_PATTERN.match(stored)
    if match is None:
        return False
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    salt, key = base64.b64decode(match.group(4)), base64.b64decode(match.group(5))
    try:
        candidate = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=len(key))
    except ValueError:
        return False
    return hmac.compare_digest(candidate, key)


@dataclass
class PinGuard:
    """Five wrong PINs lock the pad for 60 s; each further lock lasts twice as long as the one before."""

    stored_hash: str
    clock: Callable[[], float]  # monotonic seconds
    failures: int = 0
    locks: int = 0
    locked_until: float = 0.0

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def try_pin(self, pin: str) -> bool:
        """True when the PIN is right; a wrong one counts towards the lock (ignored while locked)."""
        if self.seconds_locked() > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            self.failures = 0
            self.locks = 0
            return True
        self.failures += 1
        if self.failures >= MAX_FAILURES:
            self.locked_until = self.clock() + FIRST_LOCK_SECONDS * 2**self.locks
            self.locks += 1
            self.failures = 0
        return False

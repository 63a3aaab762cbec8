"""Links that become QR codes: validated, optionally tagged, and shortened for display.

A link comes from a content source, so it is untrusted: only ``http``, ``https``, ``mailto`` and
``tel`` are turned into codes, and a link with control or invisible characters, whitespace,
credentials, a backslash, or a host that is not a plain domain name is refused with a warning.
The functions return ``None`` for a refused link; nothing here raises on bad content.
"""

from __future__ import annotations

import contextlib
import logging
import re
import unicodedata
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

log = logging.getLogger(__name__)

SCHEMES = ("http", "https", "mailto", "tel")
MAX_LENGTH = 512  # a longer link makes a QR code too dense to scan from a screen
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
_TEL = re.compile(r"^\+?[0-9]{3,20}$")
_SAFE = "!#$%&'()*+,-./:;=?@[]~_"  # kept as they are when non-ASCII characters are escaped


def _refuse(raw: str, why: str) -> None:
    log.warning("link refused for a QR code (%s): %r", why, raw[:80])


def _has_hidden_characters(text: str) -> bool:
    """Control, format (zero-width, bidi overrides), separators and any other whitespace."""
    return any(ch.isspace() or unicodedata.category(ch)[0] in "CZ" for ch in text)


def _domain(host: str) -> str | None:
    """The host as ASCII (IDNA for international names), or None if it is not a domain name."""
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or not _TLD.match(labels[-1]):
        return None
    return ascii_host


def is_email(address: str) -> bool:
    """A pragmatic check: one @, a dotted domain with a letter TLD, no spaces, sane lengths."""
    if len(address) > 254 or not _EMAIL.match(address):
        return False
    local = address.rsplit("@", 1)[0]
    return len(local) <= 64


def safe_link(raw: str) -> str | None:  # noqa: PLR0911 - one return per reason to refuse
    """``raw`` normalized for a QR code, or None (and a logged warning) when it must not be one."""
    text = raw.strip(" ")
    if not text:
        return None
    if len(text) > MAX_LENGTH:
        _refuse(raw, "too long")
        return None
    if _has_hidden_characters(text) or "\\" in text:
        _refuse(raw, "control, invisible or whitespace characters")
        return None
    scheme, sep, rest = text.partition(":")
    scheme = scheme.lower()
    if not sep or scheme not in SCHEMES:
        _refuse(raw, f"scheme {scheme[:20]!r} is not one of {', '.join(SCHEMES)}")
        return None
    if scheme == "mailto":
        return mailto_link(rest, raw=raw)
    if scheme == "tel":
        return tel_link(rest, raw=raw)
    return _web_link(scheme, text, raw)


def _web_link(scheme: str, text: str, raw: str) -> str | None:
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        _refuse(raw, "not a valid address")
        return None
    if not text[len(scheme) + 1 :].startswith("//") or not parts.netloc:
        _refuse(raw, "no host")
        return None
    if "@" in parts.netloc:
        _refuse(raw, "credentials in the address")
        return None
    host = _domain(parts.hostname or "")
    if host is None:
        _refuse(raw, "the host is not a domain name")
        return None
    netloc = host if port is None else f"{host}:{port}"
    path = quote(parts.path, safe=_SAFE) or "/"
    return urlunsplit((scheme, netloc, path, quote(parts.query, safe=_SAFE), quote(parts.fragment, safe=_SAFE)))


def mailto_link(address: str, *, raw: str | None = None) -> str | None:
    """``mailto:`` for one address (an optional ``?subject=`` is kept), or None."""
    raw = raw if raw is not None else address
    address, _, query = address.strip(" ").partition("?")
    if _has_hidden_characters(address) or not is_email(address):
        _refuse(raw, "not an e-mail address")
        return None
    fields = parse_qsl(query, keep_blank_values=True)
    if any(name.lower() != "subject" for name, _ in fields) or len(fields) > 1:
        _refuse(raw, "mailto with fields other than a subject")
        return None
    tail = f"?{urlencode(fields, quote_via=quote)}" if fields else ""
    return f"mailto:{address}{tail}"


def tel_link(number: str, *, raw: str | None = None) -> str | None:
    """``tel:`` with the digits of ``number`` (and a leading +); visual separators are dropped."""
    raw = raw if raw is not None else number
    text = number.strip(" ")
    if any(unicodedata.category(ch)[0] in "C" for ch in text) or any(ch in "\u2028\u2029" for ch in text):
        _refuse(raw, "control or invisible characters")
        return None
    compact = re.sub(r"[\s.\-()/\u00a0]", "", text.replace("(0)", ""))
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not _TEL.match(compact):
        _refuse(raw, "not a telephone number")
        return None
    return f"tel:{compact}"


def tagged(link: str, kiosk_id: str) -> str:
    """``link`` with ``utm_source=kiosk-<id>`` added (http and https only; an existing one is kept)."""
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https"):
        return link
    fields = parse_qsl(parts.query, keep_blank_values=True)
    if any(name == "utm_source" for name, _ in fields):
        return link
    extra = urlencode({"utm_source": f"kiosk-{kiosk_id}"})
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urlunsplit(parts._replace(query=query))


def display_form(link: str, max_length: int = 42) -> str:
    """A short form to print under the code: the host and path, no scheme, no query, cut with « … »."""
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "tel"):
        text = parts.path
    else:
        host = (parts.hostname or "").removeprefix("www.")
        with contextlib.suppress(UnicodeError):
            host = host.encode("ascii").decode("idna")
        text = host + ("" if parts.path in ("", "/") else parts.path.rstrip("/"))
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip("/.-") + "…"
    return text

"""Small lenient helpers shared by the JSON sources: rich text to plain text, loose numbers, dates.

Feeds written by people carry HTML in text fields, markdown in OpenAgenda's long descriptions,
French decimal commas in coordinates and several spellings of ISO 8601. These helpers turn them
into what the kiosk shows, and return ``None`` (never raise) for what cannot be read.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo
from html.parser import HTMLParser

__all__ = [
    "html_to_text",
    "is_html",
    "markdown_to_text",
    "natural_key",
    "parse_datetime",
    "parse_float",
    "parse_int",
    "rich_to_text",
]

#: Tags after (and before) which a line ends.
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    }
)
#: Tags whose content is never text for a visitor.
_HIDDEN_TAGS = frozenset({"script", "style", "template", "head", "iframe", "noscript", "svg"})
_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>|<!--")
_SPACES_RE = re.compile(r"[ \t\f\v\u00a0\u202f\u200b]+")
#: What ``_SPACES_RE.sub(" ", ...)`` changes: a run of two or more, or one that is not a plain space
#: (a lone plain space, by far the most frequent match, is left alone instead of being replaced by itself).
_RUNS_RE = re.compile(r"[ \t\f\v\u00a0\u202f\u200b]{2,}|[\t\f\v\u00a0\u202f\u200b]")
#: A line holding none of these has nothing for ``_RUNS_RE`` (``in`` is far quicker than a regex scan).
_RUN_MARKS = ("  ", "\t", "\u00a0", "\u202f", "\u200b", "\f", "\v")


class _TextExtractor(HTMLParser):
    def __init__(self, keep_newlines: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_newlines = keep_newlines
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else "\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS and tag != "li":
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else "\n")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if not self.keep_newlines:
            data = re.sub(r"[\r\n]+", " ", data)
        self.parts.append(data)


def _tidy(text: str) -> str:
    """Collapse runs of spaces, trim every line, keep at most one empty line in a row."""
    if "\n" not in text:  # one line (most short texts): the same result without the line bookkeeping
        return _collapse(text)
    lines = [_collapse(line) for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _collapse(line: str) -> str:
    """One line with its runs of spaces made one plain space, trimmed."""
    for mark in _RUN_MARKS:
        if mark in line:
            return _RUNS_RE.sub(" ", line).strip()
    return line.strip()


def is_html(text: str) -> bool:
    """Whether ``text`` holds at least one HTML tag or comment."""
    return "<" in text and _TAG_RE.search(text) is not None


def html_to_text(text: str, *, keep_newlines: bool = False) -> str:
    """Plain text from an HTML fragment: tags dropped, entities decoded, blocks on their own lines.

    Source newlines are layout in HTML, so they are dropped unless ``keep_newlines`` (for text that
    is mostly plain, with a few tags in it).
    """
    parser = _TextExtractor(keep_newlines)
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient in practice
        return _tidy(html.unescape(_TAG_RE.sub(" ", text)))
    return _tidy("".join(parser.parts))


#: (characters one of which must be in the text for the rule to apply, pattern, replacement)
def _group(number: int, suffix: str = "") -> Callable[[re.Match[str]], str]:
    """A replacement keeping one group (a function: much faster than a ``\\1`` template)."""
    return lambda match: match.group(number) + suffix


_Rule = tuple[str, re.Pattern[str], str | Callable[[re.Match[str]], str]]
#: Rules confined to one line, each anchored at its start: a line whose first character (after
#: blanks) is none of ``_LINE_MARKS`` matches none of them, before or after the others ran.
_LINE_RULES: tuple[_Rule, ...] = (
    ("-*_", re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$"), ""),  # horizontal rule
    ("#", re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$"), _group(1)),  # heading
    (">", re.compile(r"^[ \t]{0,3}>[ \t]?"), ""),  # blockquote
    ("-*+", re.compile(r"^([ \t]*)[-*+][ \t]+"), _group(1, "• ")),  # bullet list
)
_LINE_MARKS = frozenset("-*_#>+")
_MD_RULES: tuple[_Rule, ...] = (
    ("!", re.compile(r"!\[([^\]]*)\]\([^)]*\)"), _group(1)),  # image: keep its alt text
    ("[", re.compile(r"\[([^\]]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)"), _group(1)),  # link: keep its text
    ("<", re.compile(r"<(https?://[^>\s]+)>"), _group(1)),  # autolink
    ("*_", re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), _group(2)),  # bold
    ("*", re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), _group(1)),  # italic *x*
    ("_", re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), _group(1)),  # italic _x_
    ("~", re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), _group(1)),  # strikethrough
    ("`", re.compile(r"`{1,3}([^`]*)`{1,3}"), _group(1)),  # inline code
)
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_ESCAPED_RE = re.compile("[\U000f0000-\U000f007f]")
#: Every character some inline rule needs.
_TRIGGERS = "".join(sorted({c for rule in _MD_RULES for c in rule[0]}))


def _line_rules(line: str) -> str:
    first = line.lstrip(" \t")[:1]
    if not first or first not in _LINE_MARKS:
        return line
    for triggers, pattern, replacement in _LINE_RULES:
        if first in triggers:  # each rule needs its character first on the line
            line = pattern.sub(replacement, line)
            first = line.lstrip(" \t")[:1]
            if not first:
                break
    return line


def markdown_to_text(text: str) -> str:
    """Plain text from markdown (OpenAgenda's long descriptions), HTML tags included."""
    text = html_to_text(text, keep_newlines=True) if is_html(text) else html.unescape(text)
    # escaped characters are hidden in a private-use plane while the rules run, then put back
    escaped = "\\" in text
    if escaped:
        text = _ESCAPED_RE.sub("", text)
        text = _ESCAPE_RE.sub(lambda m: chr(0xF0000 + ord(m.group(1))), text)
    text = "\n".join([_line_rules(line) for line in text.split("\n")]) if "\n" in text else _line_rules(text)
    # The rules only remove these characters, never add one: those found first are enough to skip
    # every rule that cannot match (a rule run for nothing returns the text unchanged).
    present = [c for c in _TRIGGERS if c in text]
    if present:
        for triggers, pattern, replacement in _MD_RULES:
            if any(c in triggers for c in present):
                text = pattern.sub(replacement, text)
    if escaped:
        text = _ESCAPED_RE.sub(lambda m: chr(ord(m.group()) - 0xF0000), text)
    return _tidy(text)


def rich_to_text(text: str) -> str:
    """Plain text from a field that may be plain, HTML or markdown-ish; plain text is kept as is."""
    if is_html(text):
        return html_to_text(text)
    return _tidy(html.unescape(text))


_NUMBER_RE = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def parse_float(value: object) -> float | None:
    """A finite float from a number or a string (``"50.69"``, ``"50,69"``, ``" 3.17 "``), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = _SPACES_RE.sub("", value.strip())
        if not _NUMBER_RE.fullmatch(text):
            return None
        number = float(text.replace(",", "."))
    else:
        return None
    return number if math.isfinite(number) else None


def parse_int(value: object) -> int | None:
    """An int from an int, an integral float or a digit string, else None."""
    number = parse_float(value)
    if number is None or not number.is_integer() or abs(number) > 2**53:
        return None
    return int(number)


def parse_datetime(value: object, default_tz: tzinfo) -> tuple[datetime, bool] | None:
    """An aware datetime from ISO 8601 text, and whether it was a bare date.

    Accepts ``Z``, ``+01:00``, ``+0100``, fractional seconds and a space instead of ``T``; a time
    without offset is taken in ``default_tz`` and a bare date is its midnight there.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 64:
        return None
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime.combine(day, time(), default_tz), True
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default_tz)
    return (parsed, False) if _usable(parsed) else None


def _usable(moment: datetime) -> bool:
    """Whether ``moment`` has an offset and room on both sides (year 9999 etc. fail here, not later)."""
    try:
        moment.utcoffset()
        if not 1 < moment.year < 9999:  # only two days from the ends of the calendar can overflow
            moment + timedelta(days=2)
            moment - timedelta(days=2)
    except (OverflowError, ValueError):
        return False
    return True


_NATURAL_RE = re.compile(r"([0-9]+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key putting ``"2"`` before ``"10"`` before ``"L1"`` before ``"R"``."""
    key: list[tuple[int, int | str]] = []
    for part in _NATURAL_RE.split(text.casefold()):
        if not part:
            continue
        digits = part.isascii() and part.isdigit() and len(part) <= 18
        key.append((0, int(part)) if digits else (1, part))
    return tuple(key)

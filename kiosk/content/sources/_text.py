"""Small lenient helpers shared by the JSON sources: rich text to plain text, loose numbers, dates.

Feeds written by people carry HTML in text fields, markdown in OpenAgenda's long descriptions,
French decimal commas in coordinates and several spellings of ISO 8601. These helpers turn them
into what the kiosk shows, and return ``None`` (never raise) for what cannot be read.
"""

from __future__ import annotations

import html
import math
import operator
import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
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
_EMPTY_LINES_RE = re.compile(r"\n{3,}")


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
    # A run of blanks never holds a line break: the runs of the whole text are collapsed at once, then
    # each line is trimmed; runs of empty lines become one, and those at the ends go.
    if "\r" in text:  # (one character is looked for much faster than two)
        text = text.replace("\r\n", "\n")
    text = "\n".join([line.strip() for line in _collapse_runs(text).split("\n")])
    if "\n\n\n" in text:
        text = _EMPTY_LINES_RE.sub("\n\n", text)
    return text.strip("\n")


def _collapse_runs(text: str) -> str:
    """``text`` with its runs of blanks made one plain space."""
    for mark in _RUN_MARKS:
        if mark in text:
            return _RUNS_RE.sub(" ", text)
    return text


def _collapse(line: str) -> str:
    """One line with its runs of spaces made one plain space, trimmed."""
    return _collapse_runs(line).strip()


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


#: Rules confined to one line, each anchored at its start, run in this order on every line (_line_rules):
#:   horizontal rule ``^[ \t]{0,3}(?:[-*_][ \t]*){3,}$``: the line goes;
#:   heading ``^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$``: its text (group 1) is kept;
#:   blockquote ``^[ \t]{0,3}>[ \t]?``: the mark goes;
#:   bullet ``^([ \t]*)[-*+][ \t]+``: the mark and its blanks become "• ".
#: A line whose first character (after blanks) is none of ``_LINE_MARKS`` matches none of them, before or
#: after the others ran. The heading and bullet rules are written by hand (the same result, quicker).
_RULE_RE = re.compile(r"[ \t]{0,3}(?:[-*_][ \t]*){3,}$")  # tried with match: ``^`` is where it starts
_QUOTE_RE = re.compile(r"[ \t]{0,3}>[ \t]?")
_LINE_MARKS = frozenset("-*_#>+")
#: What a line that some line rule may change starts with: a mark, or a blank before one.
_LINE_STARTS = _LINE_MARKS | {" ", "\t"}
#: ``(\*\*|__)(?=\S)(.+?)(?<=\S)\1``, written so that the lazy group is followed by a literal (the engine
#: then only tries the positions holding it): the closing mark is matched first and the character before
#: it checked after it (``\*\*(?<=\S\*\*)`` is ``(?<=\S)\*\*``); the text is group 1 or group 2.
_BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)\*\*(?<=\S\*\*)|__(?=\S)(.+?)__(?<=\S__)")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")  # image: keep its alt text
_LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")  # link: keep its text
_AUTOLINK_RE = re.compile(r"<(https?://[^>\s]+)>")
# Italics were ``(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])`` (and the same with ``_``): each mark is matched
# first and the character before it checked after it, as in _BOLD_RE. The same matches, found by a quick
# scan for the mark instead of trying a look-behind at every position and every length.
_STAR_RE = re.compile(r"\*(?<![\w*]\*)(?=\S)(.+?)\*(?<=\S\*)(?![\w*])")  # italic *x*
_UNDERSCORE_RE = re.compile(r"_(?<![\w_]_)(?=\S)(.+?)_(?<=\S_)(?![\w_])")  # italic _x_
_STRIKE_RE = re.compile(r"~~(?=\S)(.+?)~~(?<=\S~~)")  # strikethrough: ~~(?=\S)(.+?)(?<=\S)~~
_CODE_RE = re.compile(r"`{1,3}([^`]*)`{1,3}")  # inline code
_KEEP = operator.itemgetter(1)  # the replacement keeping group 1 (called from C: no Python frame per match)
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_ESCAPED_RE = re.compile("[\U000f0000-\U000f007f]")
#: What any step of ``markdown_to_text`` needs besides a line mark: a line break, an entity, a tag, an
#: escape, a character of an inline rule. A text without any, and without a line mark first, is plain.
_MARKUP_RE = re.compile(r"[\n&<\\!\[*_~`]")
#: The same, and the blanks that are a run by themselves (see _RUNS_RE; two spaces are the other run).
_MARKUP_OR_RUN_RE = re.compile(r"[\n&<\\!\[*_~`\t\f\v\u00a0\u202f\u200b]")


def _line_rules(line: str) -> str:
    text = line.lstrip(" \t")  # the line after its blanks
    first = text[:1]
    if first not in _LINE_MARKS:
        return line
    # a horizontal rule is marks and blanks only (the quick tests), three marks or more
    if first in "-*_" and text[-1] in "-*_ \t" and not text.strip(" \t-*_") and _RULE_RE.match(line):
        return ""
    if first == "#":  # a heading: up to 3 blanks, 1 to 6 marks, blanks, the text, closing marks and blanks
        body = text.lstrip("#")
        if len(line) - len(text) <= 3 and len(text) - len(body) <= 6 and body[:1] in (" ", "\t"):
            # the text is the shortest one followed by only blanks, marks and blanks
            line = text = body.lstrip(" \t").rstrip(" \t").rstrip("#").rstrip(" \t")
            first = text[:1]
    if first == ">" and (match := _QUOTE_RE.match(line)):
        line = line[match.end() :]
        text = line.lstrip(" \t")
        first = text[:1]
    if first in ("-", "*", "+") and text[1:2] in (" ", "\t"):  # a bullet: blanks, the mark, blanks
        line = line[: len(line) - len(text)] + "• " + text[1:].lstrip(" \t")
    return line


def _inline_rules(text: str) -> str:
    """The inline rules in their order, each run only when the text holds what it must match: a rule
    run on a text without it would leave it as it is (one character is looked for much faster)."""
    if "!" in text and "![" in text:
        text = _IMAGE_RE.sub(_KEEP, text)
    if "]" in text and "](" in text:
        text = _LINK_RE.sub(_KEEP, text)
    if "<" in text and "<http" in text:
        text = _AUTOLINK_RE.sub(_KEEP, text)
    if ("*" in text and "**" in text) or ("_" in text and "__" in text):
        # only up to the last mark (a match ends with one): a shorter scan, as the first character is
        # one of two, which the engine tests at every position
        end = max(text.rfind("**"), text.rfind("__")) + 2
        text = _BOLD_RE.sub(_bold_text, text[:end]) + text[end:]
    if "*" in text:
        text = _STAR_RE.sub(_KEEP, text)
    if "_" in text:
        text = _UNDERSCORE_RE.sub(_KEEP, text)
    if "~" in text and "~~" in text:
        text = _STRIKE_RE.sub(_KEEP, text)
    if "`" in text:
        text = _CODE_RE.sub(_KEEP, text)
    return text


def _bold_text(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


def markdown_to_text(text: str) -> str:
    """Plain text from markdown (OpenAgenda's long descriptions), HTML tags included."""
    if _MARKUP_OR_RUN_RE.search(text) is None and "  " not in text and text.lstrip(" ")[:1] not in _LINE_MARKS:
        return text.strip()  # one line of plain text without a run of blanks: only its ends to trim
    if _MARKUP_RE.search(text) is None and text.lstrip(" \t")[:1] not in _LINE_MARKS:
        return _collapse(text)  # one line of plain text: only its blanks to tidy
    if "<" in text and _TAG_RE.search(text) is not None:  # is_html
        text = html_to_text(text, keep_newlines=True)
    elif "&" in text:  # (html.unescape changes nothing else)
        text = html.unescape(text)
    # escaped characters are hidden in a private-use plane while the rules run, then put back
    escaped = "\\" in text
    if escaped:
        text = _ESCAPED_RE.sub("", text)
        text = _ESCAPE_RE.sub(lambda m: chr(0xF0000 + ord(m.group(1))), text)
    if "\n" in text:
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if line[:1] in _LINE_STARTS:
                lines[index] = _line_rules(line)
        text = "\n".join(lines)
    else:
        text = _line_rules(text)
    text = _inline_rules(text)
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
    if type(value) is float:  # the most frequent case first
        return value if math.isfinite(value) else None
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
    if type(value) is int and -(2**53) <= value <= 2**53:  # what the float round trip below keeps
        return value
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
    elif type(parsed.tzinfo) is timezone and 1 < parsed.year < 9999:
        return parsed, False  # a fixed offset, far from the ends of the calendar: always usable
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

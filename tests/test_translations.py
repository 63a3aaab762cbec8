"""Every visitor string is translated in English and Dutch, with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO

TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = ("en", "nl")
PLACEHOLDER = re.compile(r"%(?:n|L?\d)")


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def translations_of(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_matching_placeholders(language: str) -> None:
    found = messages(TRANSLATIONS / f"kiosk_{language}.ts")
    assert len(found) > 50
    for message in found:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), source
        for text in translations_of(message):
            assert text.strip(), f"{language}: empty translation of {source!r}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (source, text)
            assert text.count("\n") == source.count("\n"), (source, text)


def test_the_catalogues_hold_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate run afresh over the code finds no string the .ts files lack."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "kiosk").rglob("*.py") if "content" not in p.parts)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(fresh), "-source-language", "fr"], check=True, capture_output=True
    )
    wanted = {(m.findtext("source"), m.findtext("comment")) for m in messages(fresh)}
    for language in LANGUAGES:
        have = {(m.findtext("source"), m.findtext("comment")) for m in messages(TRANSLATIONS / f"kiosk_{language}.ts")}
        assert wanted <= have, f"{language}: run `make catalogues` then translate {sorted(wanted - have)}"

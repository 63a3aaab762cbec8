"""A wrong configuration stops the kiosk with one clear message naming the key, exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import DEFAULT_CONFIG, ConfigError, load_config, parse_config

GOOD = """
[kiosk]
id = "test-kiosk"
location = { name = "Le Champ Libre", lat = 50.704, lon = 3.1725 }

[[sources]]
name = "programme"
kind = "ical"
url = "programme.ics"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "programme.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    return tmp_path


def errors_of(text: str, folder: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, base_dir=folder, origin="kiosk.toml")
    return str(caught.value)


def test_the_bundled_example_is_valid() -> None:
    config = load_config()
    assert config.kiosk.id == "champ-libre-accueil"
    assert [s.kind for s in config.sources] == ["ical", "feed", "feed"]
    assert all(Path(s.url).is_file() for s in config.sources)


def test_relative_paths_are_read_from_the_config_folder(folder: Path) -> None:
    config = parse_config(GOOD, base_dir=folder)
    assert config.sources[0].url == str((folder / "programme.ics").resolve())
    assert config.languages.default == "fr"
    assert config.content.refresh_minutes == 5


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('name = "programme"', 'name = "programme"\ncolour = "red"'), "sources[0].colour: unknown key"),
        (("[kiosk]", "[kiosk]\nscreen = 2"), "kiosk.screen: unknown key"),
        (('url = "programme.ics"', 'url = "absent.ics"'), "sources[0].url: file not found"),
        (('url = "programme.ics"', f'url = "{"x" * 300}.ics"'), "sources[0].url: not a file that can be read"),
        (('url = "programme.ics"', 'url = "~nobody-here-at-all/p.ics"'), "sources[0].url: not a file that can be read"),
        (('url = "programme.ics"', 'url = "ftp://example.org/x.ics"'), "sources[0].url: only http(s) URLs"),
        (('url = "programme.ics"', 'url = "https://"'), "sources[0].url: not a valid URL"),
        (('kind = "ical"', 'kind = "rss"'), "sources[0]: unknown source kind 'rss'"),
        (('id = "test-kiosk"', "id = 12"), "kiosk.id: Input should be a valid string"),
        (('id = "test-kiosk"', 'id = "Test Kiosk"'), "kiosk.id: String should match pattern"),
        (("lat = 50.704", "lat = 150.0"), "kiosk.location.lat: Input should be less than or equal to 90"),
        (("[kiosk]", '[content]\nrefresh_minutes = "soon"\n[kiosk]'), "content.refresh_minutes: Input should be"),
        (("[kiosk]", '[languages]\ndefault = "de"\n[kiosk]'), "languages.default: Input should be 'fr', 'en' or 'nl'"),
        (("[kiosk]", '[languages]\ndefault = "nl"\noffered = ["fr"]\n[kiosk]'), "must be one of offered"),
        (("[kiosk]", '[kiosk]\ntimezone = "Europe/Lille"'), "kiosk.timezone: unknown time zone 'Europe/Lille'"),
        (('name = "Le Champ Libre", ', ""), "kiosk.location.name: missing key"),
    ],
)
def test_each_mistake_names_its_key(folder: Path, change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD
    message = errors_of(GOOD.replace(old, new, 1), folder)
    assert expected in message, message
    assert message.startswith("kiosk.toml: the configuration has")


def test_every_problem_is_listed_at_once(folder: Path) -> None:
    text = GOOD.replace('kind = "ical"', 'kind = "ical"\nextra = 1').replace("lat = 50.704", "lat = 500")
    message = errors_of(text, folder)
    assert "2 problem(s)" in message
    assert "sources[0].extra" in message and "kiosk.location.lat" in message


def test_repeated_source_names_are_refused(folder: Path) -> None:
    twice = GOOD + GOOD[GOOD.index("[[sources]]") :]
    assert "repeated: programme" in errors_of(twice, folder)


def test_not_toml_says_where(folder: Path) -> None:
    message = errors_of("[kiosk\nid = 1", folder)
    assert "not valid TOML" in message and "line 1" in message


def test_check_config_exit_codes_and_no_traceback(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = folder / "good.toml"
    good.write_text(GOOD)
    assert main(["check-config", str(good)]) == 0
    assert "OK (1 source(s))" in capsys.readouterr().out

    bad = folder / "bad.toml"
    bad.write_text(GOOD.replace('kind = "ical"', 'kind = "ical"\nrefresh = 3'))
    assert main(["check-config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "sources[0].refresh: unknown key" in err
    assert "Traceback" not in err

    assert main(["check-config", str(folder / "missing.toml")]) == 2
    assert "no such configuration file" in capsys.readouterr().err


def test_default_config_path_is_the_bundled_example() -> None:
    assert DEFAULT_CONFIG.is_file()

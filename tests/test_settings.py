"""Site settings (`extra.roledex` in mkdocs.yml): every problem at once, each at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site, invoke, make_site
from roledex.kb.settings import (
    KNOWN_KEYS,
    Settings,
    SettingsError,
    SettingsFile,
    SiteAddresses,
    located_settings,
    read_settings,
    settings_file,
    settings_from,
    site_addresses,
)

KEYS = ", ".join(KNOWN_KEYS)


def _problems(extra: Any) -> list[tuple[str, str]]:
    with pytest.raises(SettingsError) as raised:
        settings_from(extra)
    return [(p.key, p.message) for p in raised.value.problems]


@pytest.mark.parametrize(
    ("extra", "key", "message"),
    [
        (
            {"base_currency": "EURO"},
            "base_currency",
            "expected an ISO 4217 code such as USD, got 'EURO'; did you mean 'EUR'?",
        ),
        ({"base_currency": 5}, "base_currency", "expected an ISO 4217 code such as USD, got 5"),
        (
            {"base_currency": "eur"},
            "base_currency",
            "expected an ISO 4217 code such as USD, got 'eur'; did you mean 'EUR'?",
        ),
        ({"rates": [1]}, "rates", "expected a mapping such as {EUR: 1.08}, got [1]"),
        (
            {"rates": {"EURO": 1.1}},
            "rates.EURO",
            "expected an ISO 4217 code such as USD, got 'EURO'; did you mean 'EUR'?",
        ),
        ({"rates": {"EUR": 0}}, "rates.EUR", "expected a positive number, got 0"),
        ({"rates": {"EUR": "1.1"}}, "rates.EUR", "expected a positive number, got '1.1'"),
        ({"rates": {1: 1.1}}, "rates.1", "expected an ISO 4217 code such as USD, got 1"),
        ({"rates_date": "1 Nov"}, "rates_date", "expected a date as YYYY-MM-DD, got '1 Nov'"),
        ({"hours_per_week": -1}, "hours_per_week", "expected a positive number, got -1"),
        ({"days_per_week": True}, "days_per_week", "expected a positive number, got True"),
        ({"weeks_per_year": "52"}, "weeks_per_year", "expected a positive number, got '52'"),
        ({"closing_soon_days": 0}, "closing_soon_days", "expected a positive number, got 0"),
        ({"repository": "jane"}, "repository", "expected OWNER/NAME such as jane/job-search, got 'jane'"),
        ({"repository": "jane/"}, "repository", "expected OWNER/NAME such as jane/job-search, got 'jane/'"),
        ({"repository": "a/b/c"}, "repository", "expected OWNER/NAME such as jane/job-search, got 'a/b/c'"),
        ({"hours_per_wek": 40}, "hours_per_wek", "unknown key; did you mean 'hours_per_week'?"),
        ({"zzz": 1}, "zzz", f"unknown key; known keys: {KEYS}"),
    ],
)
def test_each_bad_setting_is_named_with_what_was_expected(extra: dict, key: str, message: str) -> None:
    assert _problems(extra) == [(f"extra.roledex.{key}", message)]


def test_settings_that_are_not_a_mapping_are_one_problem() -> None:
    assert _problems(["USD"]) == [("extra.roledex", "expected a mapping of settings, got ['USD']")]


def test_every_problem_is_reported_at_once() -> None:
    extra = {"base_currency": "EURO", "rates": {"GBP": -1, "XYZ": 2, "EUR": 1.08}, "base": 1, "hours_per_week": 0}
    assert [key for key, _ in _problems(extra)] == [
        "extra.roledex.base",
        "extra.roledex.base_currency",
        "extra.roledex.hours_per_week",
        "extra.roledex.rates.GBP",
        "extra.roledex.rates.XYZ",
    ]


@pytest.mark.parametrize("extra", [None, {}])
def test_no_settings_are_the_defaults(extra: Any) -> None:
    assert settings_from(extra) == Settings()


def test_good_settings_are_read_as_written() -> None:
    settings = settings_from(
        {
            "base_currency": "EUR",
            "rates": {"USD": 0.9},
            "rates_date": "2026-11-01",
            "hours_per_week": 37.5,
            "days_per_week": 4,
            "weeks_per_year": 48,
            "closing_soon_days": 7,
            "follow_up_after_days": 5,
            "follow_up_again_days": 10,
            "follow_ups": 3,
            "ghosted_after_days": 45,
            "interview_alarm_minutes": 30,
            "repository": "jane/search",
        }
    )
    assert settings == Settings(
        "EUR", {"USD": 0.9}, dt.date(2026, 11, 1), 37.5, 4, 48, 7, 5, 10, 3, 45, 30, "jane/search"
    )
    assert settings.periods_per_year() == {"year": 1, "month": 12, "week": 48, "day": 192, "hour": 1800}


CONFIG = """\
site_name: Search
extra:
  generator: false
  roledex:
    base_currency: EURO
    rates:
      EUR: 1.08
      GBP: -1
    hours_per_wek: 40
"""


def test_each_problem_points_at_the_line_of_its_key(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        read_settings(config)
    assert [(p.line, p.key) for p in raised.value.problems] == [
        (5, "extra.roledex.base_currency"),
        (8, "extra.roledex.rates.GBP"),
        (9, "extra.roledex.hours_per_wek"),
    ]
    assert {p.path for p in raised.value.problems} == {str(config)}


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("extra.roledex.rates.GBP", 8),
        ("extra.roledex.rates.GBP.deeper", 8),
        ("extra.roledex.rates.ZZZ", 6),
        ("extra.roledex.missing", 4),
        ("extra.roledex", 4),
        ("extra.generator", 3),
        ("site_name", 1),
        ("theme.name", 1),
    ],
)
def test_a_key_not_written_points_at_its_nearest_written_parent(key: str, line: int) -> None:
    assert settings_file("mkdocs.yml", CONFIG).line_of(key) == line


def test_without_roledex_settings_problems_point_at_the_first_line() -> None:
    assert SettingsFile().line_of("extra.roledex.rates.EUR") == 1
    assert settings_file("x.yml", "{not yaml").line_of("extra.roledex.rates") == 1


def test_a_config_file_that_is_not_yaml_is_one_line_in_roledex_words(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  roledex: {a: [1\n", encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        read_settings(config)
    (problem,) = raised.value.problems
    assert (problem.line, problem.key) == (3, "file")
    assert problem.message.startswith("a list in [ ] or a mapping in { } is not closed")


def test_a_missing_config_file_gives_the_defaults(tmp_path: Path) -> None:
    assert read_settings(tmp_path / "mkdocs.yml") == Settings()


def test_roledex_check_reports_the_settings_with_the_content(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").replace("base_currency: USD", "base_currency: usd"),
        encoding="utf-8",
    )
    result = invoke("check", str(docs), "--config", "mkdocs.yml", cwd=tmp_path)
    line = next(n for n, text in enumerate(config_lines(tmp_path), 1) if "base_currency: usd" in text)
    assert result.returncode == 1
    assert (
        f"mkdocs.yml:{line}: extra.roledex.base_currency: expected an ISO 4217 code such as USD, "
        "got 'usd'; did you mean 'USD'?" in result.stdout
    )
    export = invoke("export", str(docs), "--config", "mkdocs.yml", cwd=tmp_path)
    assert export.returncode == 2
    assert f"mkdocs.yml:{line}: extra.roledex.base_currency:" in export.stderr


def config_lines(root: Path) -> list[str]:
    return (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()


def test_a_build_stops_on_bad_settings_and_lists_every_one_with_its_line(tmp_path: Path) -> None:
    make_site(tmp_path)
    config = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("weeks_per_year: 52", "weeks_per_year: many")
    config.write_text(text.replace("closing_soon_days: 14", "closing_soon_days: -3"), encoding="utf-8")
    lines = config_lines(tmp_path)
    weeks = next(n for n, t in enumerate(lines, 1) if "weeks_per_year" in t)
    closing = next(n for n, t in enumerate(lines, 1) if "closing_soon_days" in t)
    result = build_site(tmp_path)
    assert result.returncode != 0
    assert f"mkdocs.yml:{weeks}: extra.roledex.weeks_per_year: expected a positive number, got 'many'" in result.stderr
    assert f"mkdocs.yml:{closing}: extra.roledex.closing_soon_days: expected a positive number, got -3" in result.stderr
    assert "2 problem(s) in the settings" in result.stderr


def test_the_error_reads_as_the_problem_lines() -> None:
    with pytest.raises(SettingsError) as raised:
        settings_from({"hours_per_week": 0, "days_per_week": 0})
    assert str(raised.value) == (
        "mkdocs.yml:1: extra.roledex.days_per_week: expected a positive number, got 0\n"
        "mkdocs.yml:1: extra.roledex.hours_per_week: expected a positive number, got 0"
    )


def test_unknown_keys_of_any_type_are_each_named() -> None:
    assert [key for key, _ in _problems({1: "a", "zz": "b"})] == ["extra.roledex.1", "extra.roledex.zz"]


def test_a_rate_with_a_bad_code_and_a_bad_figure_is_named_for_both() -> None:
    assert _problems({"rates": {"EURO": "lots"}}) == [
        ("extra.roledex.rates.EURO", "expected a positive number, got 'lots'"),
        ("extra.roledex.rates.EURO", "expected an ISO 4217 code such as USD, got 'EURO'; did you mean 'EUR'?"),
    ]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"rates": None, "rates_date": None, "repository": None}, Settings()),
        ({"repository": ""}, Settings()),
        ({"rates_date": dt.date(2026, 1, 2)}, Settings(rates_date=dt.date(2026, 1, 2))),
        ({"closing_soon_days": 7.9}, Settings(closing_soon_days=7)),
        ({"base_currency": "GBP"}, Settings(base_currency="GBP")),
    ],
)
def test_empty_values_keep_the_defaults_and_others_are_read(extra: dict, expected: Settings) -> None:
    assert settings_from(extra) == expected


@pytest.mark.parametrize(
    "text",
    [
        "- just\n- a list\n",
        "site_name: x\nextra: [1, 2]\n",
        "site_name: x\nextra:\n  generator: false\n",
        "site_name: !ENV [SITE_NAME, x]\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
    ],
)
def test_a_config_without_roledex_settings_gives_the_defaults(tmp_path: Path, text: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert read_settings(config) == Settings()


def test_mkdocs_tags_in_the_settings_are_read_as_their_plain_values(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  roledex:\n    repository: !ENV [REPO, jane/search]\n", encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        read_settings(config)
    assert [(p.line, p.message) for p in raised.value.problems] == [
        (3, "expected OWNER/NAME such as jane/job-search, got ['REPO', 'jane/search']")
    ]


def test_a_config_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_bytes(b"site_name: caf\xe9\n")
    with pytest.raises(SettingsError) as raised:
        read_settings(config)
    assert [(p.path, p.line, p.key, p.message) for p in raised.value.problems] == [
        (str(config), 1, "file", "is not UTF-8 text; save it as UTF-8")
    ]


def test_a_yaml_error_names_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  roledex: {a: [1\n", encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        read_settings(config)
    assert [p.path for p in raised.value.problems] == [str(config)]


def test_settings_mkdocs_loaded_point_at_lines_of_its_config_file(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        located_settings({"base_currency": "EURO"}, str(config))
    assert [(p.path, p.line) for p in raised.value.problems] == [(str(config), 5)]
    with pytest.raises(SettingsError) as raised:
        located_settings({"base_currency": "EURO"}, str(tmp_path / "gone.yml"))
    assert [(p.path, p.line) for p in raised.value.problems] == [(str(tmp_path / "gone.yml"), 1)]
    with pytest.raises(SettingsError) as raised:
        located_settings({"base_currency": "EURO"}, None)
    assert [(p.path, p.line) for p in raised.value.problems] == [("mkdocs.yml", 1)]
    assert located_settings({"base_currency": "EUR"}, str(config)) == Settings(base_currency="EUR")


@pytest.mark.parametrize(
    ("repository", "environ", "expected"),
    [
        (
            "Jane/Search",
            {},
            SiteAddresses("https://jane.github.io/Search/", "https://github.com/Jane/Search", "Jane/Search"),
        ),
        (
            None,
            {"GITHUB_REPOSITORY": "org/site"},
            SiteAddresses("https://org.github.io/site/", "https://github.com/org/site", "org/site"),
        ),
        (
            "jane/a",
            {"GITHUB_REPOSITORY": "org/site"},
            SiteAddresses("https://jane.github.io/a/", "https://github.com/jane/a", "jane/a"),
        ),
        (None, {}, None),
        (None, {"GITHUB_REPOSITORY": "nonsense"}, None),
        (None, {"GITHUB_REPOSITORY": "org/site/more"}, None),
        (None, {"GITHUB_REPOSITORY": "org/"}, None),
        (None, {"GITHUB_REPOSITORY": ""}, None),
    ],
)
def test_the_site_address_comes_from_the_repository_setting_or_github(
    repository: str | None, environ: dict[str, str], expected: SiteAddresses | None
) -> None:
    assert site_addresses(Settings(repository=repository), environ) == expected


def test_a_mkdocs_tag_on_a_mapping_keeps_the_mapping(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  roledex:\n    rates: !rates {EUR: 1.5}\n", encoding="utf-8")
    assert read_settings(config).rates == {"EUR": 1.5}


def test_a_config_file_that_cannot_be_opened_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")

    def refused(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_text", refused)
    with pytest.raises(SettingsError) as raised:
        read_settings(config)
    assert [(p.path, p.line, p.key, p.message) for p in raised.value.problems] == [
        (str(config), 1, "file", "cannot be read (Permission denied)")
    ]

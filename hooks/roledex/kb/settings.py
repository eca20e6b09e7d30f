"""Site settings from `extra.roledex` in mkdocs.yml: base currency, exchange rates, assumptions.

Read into a plain dataclass so that the domain never sees MkDocs' config object.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from roledex.kb.currencies import CURRENCY_CODES, currency_hint
from roledex.kb.problems import Problem
from roledex.kb.schema import LARGEST_NUMBER, PERIODS_IN_A_YEAR
from roledex.kb.text import FIRST_DATE, LAST_DATE, date_in_range, did_you_mean, is_slug, parse_date
from roledex.kb.yaml_diagnosis import syntax_error


class SettingsError(ValueError):
    """Settings in `extra.roledex` with the wrong type or value: every problem, each at its line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(problem.format() for problem in self.problems))


VISIBILITIES = ("public", "private")
"""What a repository can be on GitHub (an organisation's `internal` repository is private here)."""
SEARCH_ENGINES = ("pagefind", "material")
"""What serves a published site's search: Pagefind's index fetched in pieces, or Material's
index fetched whole (the private view under `serve` always has Material's)."""


@dataclass(frozen=True)
class Settings:
    base_currency: str = "USD"
    rates: dict[str, float] = field(default_factory=dict)
    """What one unit of a currency is worth in the base currency."""
    rates_date: dt.date | None = None
    hours_per_week: float = 40
    days_per_week: float = 5
    weeks_per_year: float = 52
    closing_soon_days: int = 14
    follow_up_after_days: int = 7
    """With no answer this many days after applying, follow up."""
    follow_up_again_days: int = 7
    """And again this many days after a follow-up with no answer."""
    follow_ups: int = 2
    """At most this many follow-ups to one application."""
    ghosted_after_days: int = 30
    """No answer this many days after applying (and after the last follow-up) is ghosting."""
    interview_alarm_minutes: int = 60
    """The calendar's alarm before an interview round."""
    repository: str | None = None
    """OWNER/NAME of the GitHub repository; gives site_url and repo_url."""
    visibility: str | None = None
    """Whether the repository that holds the knowledge base is `public` or `private`: a public
    one must track nothing private (`roledex publish-check --repository`)."""
    search: str = SEARCH_ENGINES[0]
    """What serves the published site's search (`SEARCH_ENGINES`)."""
    role_names: dict[str, str] = field(default_factory=dict)
    """How each role family is shown, by its slug (`engineering-manager-ml: Engineering Manager, ML`)."""
    equity_low: float = 0.5
    equity_high: float = 1.5
    """The lower and the higher share price the offers page also shows equity at, as a multiple
    of the price each offer states (0.5: half of it)."""
    decision: dict[str, float] = field(default_factory=lambda: {"pay": 1.0})
    """The criteria the offers page weighs, each with its weight (`{pay: 3, growth: 2, team: 1}`);
    an offer scores each from 1 to 5 in its `scores` (pay is worked out when not scored)."""
    held_back: tuple[str, ...] | None = field(default=None, compare=False)
    """The `draft_docs` and `exclude_docs` patterns of mkdocs.yml: what a build without
    roledex's plugin leaves out. None when no mkdocs.yml was read."""

    def rate(self, currency: str) -> float | None:
        """Base-currency value of one unit of `currency`, or None when there is no rate."""
        if currency == self.base_currency:
            return 1.0
        return self.rates.get(currency)

    def periods_per_year(self) -> dict[str, float]:
        """How many of each pay period make a working year, under the stated assumptions (one
        table for every posting of a build: read it, never change it)."""
        return _periods_per_year(self.weeks_per_year, self.days_per_week, self.hours_per_week)


@functools.lru_cache(maxsize=16)
def _periods_per_year(weeks_per_year: float, days_per_week: float, hours_per_week: float) -> dict[str, float]:
    assumed = {"weeks_per_year": weeks_per_year, "days_per_week": days_per_week, "hours_per_week": hours_per_week}
    return {
        period: math.prod((number, *(assumed[name] for name in factors)))
        for period, (number, factors) in PERIODS_IN_A_YEAR.items()
    }


SETTINGS_KEY = "extra.roledex"
"""Where the settings live in mkdocs.yml, as a dotted key."""


@dataclass(frozen=True)
class SettingsFile:
    """Where settings were written, to point at the line of each bad key."""

    path: str = "mkdocs.yml"
    lines: Mapping[str, int] = field(default_factory=dict)
    """Line of each key of the file, dotted (`extra.roledex.rates.EUR`)."""

    def line_of(self, key: str) -> int:
        """The key's line, else its nearest written parent's, else the first line."""
        while key and key not in self.lines:
            key = key.rpartition(".")[0]
        return self.lines.get(key, 1)


def is_repository(value: str) -> bool:
    """True for a GitHub repository written as OWNER/NAME."""
    return value.count("/") == 1 and all(value.split("/"))


class _Reader:
    """Reads each setting and notes every problem; a value with a problem is None."""

    def __init__(self, where: SettingsFile) -> None:
        self.where = where
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.where.path, self.where.line_of(key), key, message))

    def currency(self, key: str, value: Any) -> str | None:
        if isinstance(value, str) and value in CURRENCY_CODES:
            return value
        hint = currency_hint(value) if isinstance(value, str) else ""
        self.problem(key, f"expected an ISO 4217 code such as USD, got {value!r}{hint}")
        return None

    def positive(self, key: str, value: Any) -> float | None:
        finite = isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))
        if isinstance(value, bool) or not finite or value <= 0 or value > LARGEST_NUMBER:
            shown = {"nan": ".nan", "inf": ".inf"}.get(str(value), repr(value))
            self.problem(key, f"expected a positive number, got {shown}")
            return None
        return float(value)

    def days(self, key: str, value: Any) -> int | None:
        number = self.positive(key, value)
        return None if number is None else int(number)

    def rates(self, key: str, value: Any) -> dict[str, float]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(key, f"expected a mapping such as {{EUR: 1.08}}, got {value!r}")
            return {}
        rates: dict[str, float] = {}
        for code, rate in value.items():
            self.currency(f"{key}.{code}", code)
            rates[code] = self.positive(f"{key}.{code}", rate) or 0
        return rates

    def names(self, key: str, value: Any) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(
                key, f"expected a mapping such as {{engineering-manager-ml: Engineering Manager, ML}}, got {value!r}"
            )
            return {}
        names: dict[str, str] = {}
        for slug, name in value.items():
            if not is_slug(str(slug)):
                self.problem(
                    f"{key}.{slug}", f"expected a role family's slug (as postings write `role:`), got {slug!r}"
                )
            elif not isinstance(name, str) or not name.strip():
                self.problem(
                    f"{key}.{slug}", f"expected the name to show, such as 'Engineering Manager, ML', got {name!r}"
                )
            else:
                names[str(slug)] = name.strip()
        return names

    def weights(self, key: str, value: Any) -> dict[str, float]:
        if not isinstance(value, dict) or not value:
            self.problem(key, f"expected criteria with their weights, such as {{pay: 3, growth: 2}}, got {value!r}")
            return {"pay": 1.0}
        found = {}
        for criterion, weight in value.items():
            number = self.positive(f"{key}.{criterion}", weight)
            if number is not None:
                found[str(criterion)] = number
        return found or {"pay": 1.0}

    def date(self, key: str, value: Any) -> dt.date | None:
        if value is None:
            return None
        day = parse_date(value if isinstance(value, dt.date) else str(value))
        if day is None:
            self.problem(key, f"expected a date as YYYY-MM-DD, got {value!r}")
        elif not date_in_range(day):
            self.problem(key, f"expected a date between {FIRST_DATE} and {LAST_DATE}, got {day}")
            return None
        return day

    def visibility(self, key: str, value: Any) -> str | None:
        if value is None or value in VISIBILITIES:
            return value
        self.problem(
            key, f"expected {' or '.join(VISIBILITIES)}, got {value!r}{did_you_mean(str(value), VISIBILITIES)}"
        )
        return None

    def search(self, key: str, value: Any) -> str | None:
        if value in SEARCH_ENGINES:
            return str(value)
        self.problem(
            key, f"expected {' or '.join(SEARCH_ENGINES)}, got {value!r}{did_you_mean(str(value), SEARCH_ENGINES)}"
        )
        return None

    def repository(self, key: str, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not is_repository(value):
            self.problem(key, f"expected OWNER/NAME such as jane/job-search, got {value!r}")
            return None
        return value


_READERS: dict[str, Callable[[_Reader, str, Any], Any]] = {
    "base_currency": _Reader.currency,
    "rates": _Reader.rates,
    "rates_date": _Reader.date,
    "hours_per_week": _Reader.positive,
    "days_per_week": _Reader.positive,
    "weeks_per_year": _Reader.positive,
    "closing_soon_days": _Reader.days,
    "follow_up_after_days": _Reader.days,
    "follow_up_again_days": _Reader.days,
    "follow_ups": _Reader.days,
    "ghosted_after_days": _Reader.days,
    "interview_alarm_minutes": _Reader.days,
    "repository": _Reader.repository,
    "visibility": _Reader.visibility,
    "search": _Reader.search,
    "role_names": _Reader.names,
    "equity_low": _Reader.positive,
    "equity_high": _Reader.positive,
    "decision": _Reader.weights,
}
"""How each key is read; a key left out keeps the default of `Settings`."""
KNOWN_KEYS = tuple(spec.name for spec in fields(Settings) if spec.name in _READERS)
"""The keys of `extra.roledex`: the fields of `Settings` read from it, in their order."""


def settings_from(extra: Any, where: SettingsFile | None = None) -> Settings:
    """Settings from the `extra.roledex` mapping; raise SettingsError naming every bad key."""
    read = _Reader(where or SettingsFile())
    if extra is not None and not isinstance(extra, dict):
        read.problem(SETTINGS_KEY, f"expected a mapping of settings, got {extra!r}")
        raise SettingsError(read.problems)
    values = {}
    for key, value in (extra or {}).items():
        dotted = f"{SETTINGS_KEY}.{key}"
        if key in _READERS:
            values[key] = _READERS[key](read, dotted, value)
        else:
            hint = did_you_mean(str(key), KNOWN_KEYS) or f"; known keys: {', '.join(KNOWN_KEYS)}"
            read.problem(dotted, f"unknown key{hint}")
    if read.problems:
        raise SettingsError(sorted(read.problems))
    return Settings(**values)


@dataclass(frozen=True)
class SiteAddresses:
    """Where the published site and its repository live."""

    site_url: str
    repo_url: str
    repo_name: str


def site_addresses(settings: Settings, environ: Mapping[str, str]) -> SiteAddresses | None:
    """The GitHub Pages address of OWNER/NAME, from `repository` or else GitHub's own
    GITHUB_REPOSITORY variable (set in every Actions run), or None without either."""
    repository = settings.repository or environ.get("GITHUB_REPOSITORY", "")
    if not is_repository(repository):
        return None
    owner, name = repository.split("/")
    return SiteAddresses(
        f"https://{owner.lower()}.github.io/{name}/", f"https://github.com/{owner}/{name}", f"{owner}/{name}"
    )


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' own tags (`!ENV`, `!relative`, python names) as plain values."""


def _plain(loader: _TolerantLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None


_TolerantLoader.add_multi_constructor("!", _plain)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def _key_lines(node: yaml.Node | None, prefix: str, lines: dict[str, int]) -> None:
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            name = f"{prefix}.{key.value}" if prefix else str(key.value)
            lines[name] = key.start_mark.line + 1
            _key_lines(value, name, lines)


@functools.lru_cache(maxsize=8)
def settings_file(path: str, text: str) -> SettingsFile:
    """Where each key is written in the text of a mkdocs.yml (nothing when the text is not
    YAML: MkDocs itself says so); read once per text, as serve asks on every save."""
    lines: dict[str, int] = {}
    with contextlib.suppress(yaml.YAMLError):
        _key_lines(yaml.compose(text, Loader=yaml.SafeLoader), "", lines)
    return SettingsFile(path, lines)


HELD_BACK_KEYS = ("draft_docs", "exclude_docs")


def held_back(data: Any) -> tuple[str, ...]:
    """The gitignore-style patterns of `draft_docs` and `exclude_docs` in a loaded mkdocs.yml."""
    patterns: list[str] = []
    for key in HELD_BACK_KEYS:
        value = data.get(key) if isinstance(data, dict) else None
        lines = value.splitlines() if isinstance(value, str) else value if isinstance(value, list) else []
        patterns += [str(line).strip() for line in lines if str(line).strip()]
    return tuple(patterns)


def located_settings(extra: Any, config_file: str | None) -> Settings:
    """Settings from MkDocs' loaded `extra.roledex`, with problems pointed at lines of `config_file`."""
    if not config_file:
        return settings_from(extra)
    try:
        text = Path(config_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    patterns = _held_back_in(text)
    return replace(settings_from(extra, settings_file(config_file, text)), held_back=patterns)


@functools.lru_cache(maxsize=8)
def _held_back_in(text: str) -> tuple[str, ...]:
    """The held-back patterns of a mkdocs.yml's text, read once per text (serve reads it on
    every save)."""
    try:
        return held_back(yaml.load(text, Loader=_TolerantLoader))
    except yaml.YAMLError:
        return ()


def read_settings(config_file: Path) -> Settings:
    """The site settings of `config_file`, or the defaults when it does not exist."""
    if not config_file.is_file():
        return Settings()
    where = str(config_file)
    try:
        text = config_file.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_TolerantLoader) or {}
    except UnicodeDecodeError:
        raise SettingsError([Problem(where, 1, "file", "is not UTF-8 text; save it as UTF-8")]) from None
    except OSError as error:
        raise SettingsError([Problem(where, 1, "file", f"cannot be read ({error.strerror})")]) from None
    except yaml.YAMLError as error:
        trouble = syntax_error(text, error)
        raise SettingsError([Problem(where, trouble.line + 1, "file", trouble.message)]) from None
    extra = data.get("extra") if isinstance(data, dict) else None
    settings = extra.get("roledex") if isinstance(extra, dict) else None
    return replace(settings_from(settings, settings_file(where, text)), held_back=held_back(data))

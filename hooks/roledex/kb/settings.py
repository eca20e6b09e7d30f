"""Site settings from `extra.roledex` in mkdocs.yml: base currency, exchange rates, assumptions.

Read into a plain dataclass so that the domain never sees MkDocs' config object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from roledex.kb.currencies import CURRENCY_CODES, currency_hint
from roledex.kb.problems import Problem
from roledex.kb.text import did_you_mean
from roledex.kb.yaml_diagnosis import syntax_error


class SettingsError(ValueError):
    """Settings in `extra.roledex` with the wrong type or value: every problem, each at its line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(problem.format() for problem in self.problems))


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
    repository: str | None = None
    """OWNER/NAME of the GitHub repository; gives site_url and repo_url."""

    def rate(self, currency: str) -> float | None:
        """Base-currency value of one unit of `currency`, or None when there is no rate."""
        if currency == self.base_currency:
            return 1.0
        return self.rates.get(currency)

    def periods_per_year(self) -> dict[str, float]:
        """How many of each pay period make a working year, under the stated assumptions."""
        return {
            "year": 1,
            "month": 12,
            "week": self.weeks_per_year,
            "day": self.weeks_per_year * self.days_per_week,
            "hour": self.weeks_per_year * self.hours_per_week,
        }


KNOWN_KEYS = tuple(spec.name for spec in fields(Settings))
"""The keys of `extra.roledex`: the fields of `Settings`, in their order."""


@dataclass(frozen=True)
class SettingsFile:
    """Where settings were written, to point at the line of each bad key."""

    path: str = "mkdocs.yml"
    lines: Mapping[str, int] = field(default_factory=dict)
    """Line of each key under `extra.roledex`, dotted (`rates.EUR`), and of `roledex` itself."""

    def line_of(self, key: str) -> int:
        """The key's line, else its nearest written parent's, else the first line."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key.rpartition(".")[0]
        return self.lines.get("", 1)


class _Reader:
    """Reads each setting, notes every problem, and goes on with the default."""

    def __init__(self, where: SettingsFile) -> None:
        self.where = where
        self.problems: list[Problem] = []

    def problem(self, name: str, message: str) -> None:
        key = f"extra.roledex.{name}" if name else "extra.roledex"
        self.problems.append(Problem(self.where.path, self.where.line_of(name), key, message))

    def currency(self, name: str, value: Any, default: str) -> str:
        if isinstance(value, str) and value in CURRENCY_CODES:
            return value
        hint = currency_hint(value) if isinstance(value, str) else ""
        self.problem(name, f"expected an ISO 4217 code such as USD, got {value!r}{hint}")
        return default

    def positive(self, name: str, value: Any, default: float) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            self.problem(name, f"expected a positive number, got {value!r}")
            return default
        return float(value)

    def rates(self, value: Any) -> dict[str, float]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem("rates", f"expected a mapping such as {{EUR: 1.08}}, got {value!r}")
            return {}
        rates = {}
        for code, rate in value.items():
            name = f"rates.{code}"
            if self.currency(name, code, "") and (number := self.positive(name, rate, 0)):
                rates[code] = number
        return rates

    def date(self, value: Any) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.problem("rates_date", f"expected a date as YYYY-MM-DD, got {value!r}")
            return None

    def repository(self, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str) or value.count("/") != 1 or not all(value.split("/")):
            self.problem("repository", f"expected OWNER/NAME such as jane/job-search, got {value!r}")
            return None
        return value


def settings_from(extra: Any, where: SettingsFile | None = None) -> Settings:
    """Settings from the `extra.roledex` mapping; raise SettingsError naming every bad key."""
    read = _Reader(where or SettingsFile())
    if extra is not None and not isinstance(extra, dict):
        read.problem("", f"expected a mapping of settings, got {extra!r}")
        raise SettingsError(read.problems)
    data = dict(extra or {})
    for key in sorted(set(data) - set(KNOWN_KEYS), key=str):
        hint = did_you_mean(str(key), KNOWN_KEYS) or f"; known keys: {', '.join(KNOWN_KEYS)}"
        read.problem(str(key), f"unknown key{hint}")
    defaults = Settings()
    settings = Settings(
        base_currency=read.currency(
            "base_currency", data.get("base_currency", defaults.base_currency), defaults.base_currency
        ),
        rates=read.rates(data.get("rates")),
        rates_date=read.date(data.get("rates_date")),
        hours_per_week=read.positive(
            "hours_per_week", data.get("hours_per_week", defaults.hours_per_week), defaults.hours_per_week
        ),
        days_per_week=read.positive(
            "days_per_week", data.get("days_per_week", defaults.days_per_week), defaults.days_per_week
        ),
        weeks_per_year=read.positive(
            "weeks_per_year", data.get("weeks_per_year", defaults.weeks_per_year), defaults.weeks_per_year
        ),
        closing_soon_days=int(
            read.positive(
                "closing_soon_days",
                data.get("closing_soon_days", defaults.closing_soon_days),
                defaults.closing_soon_days,
            )
        ),
        repository=read.repository(data.get("repository")),
    )
    if read.problems:
        raise SettingsError(sorted(read.problems, key=lambda p: (p.line, p.key)))
    return settings


@dataclass(frozen=True)
class SiteAddresses:
    """Where the published site and its repository live."""

    site_url: str
    repo_url: str
    repo_name: str


def site_addresses(settings: Settings, environ: Mapping[str, str]) -> SiteAddresses | None:
    """The GitHub Pages address of OWNER/NAME, from `repository` or else GitHub's own
    GITHUB_REPOSITORY variable (set in every Actions run), or None without either."""
    repository = settings.repository or environ.get("GITHUB_REPOSITORY")
    if not repository or "/" not in repository:
        return None
    owner, name = repository.split("/", 1)
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


def _key_lines(node: yaml.Node, prefix: str, lines: dict[str, int]) -> None:
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            name = f"{prefix}.{key.value}" if prefix else str(key.value)
            lines[name] = key.start_mark.line + 1
            _key_lines(value, name, lines)


def _child(node: yaml.Node | None, name: str) -> tuple[yaml.Node | None, int]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return value, key.start_mark.line + 1
    return None, 0


def settings_file(path: str, text: str) -> SettingsFile:
    """Where each key of `extra.roledex` is written in the text of a mkdocs.yml (nothing when
    the text is not YAML: MkDocs itself says so)."""
    try:
        root = yaml.compose(text, Loader=_TolerantLoader)
    except yaml.YAMLError:
        return SettingsFile(path)
    extra, _ = _child(root, "extra")
    roledex, line = _child(extra, "roledex")
    lines: dict[str, int] = {"": line} if line else {}
    if roledex is not None:
        _key_lines(roledex, "", lines)
    return SettingsFile(path, lines)


def located_settings(extra: Any, config_file: str | None) -> Settings:
    """Settings from MkDocs' loaded `extra.roledex`, with problems pointed at lines of `config_file`."""
    where = SettingsFile()
    if config_file:
        try:
            where = settings_file(config_file, Path(config_file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            where = SettingsFile(config_file)
    return settings_from(extra, where)


def read_settings(config_file: Path) -> Settings:
    """The site settings of `config_file`, or the defaults when it does not exist."""
    if not config_file.is_file():
        return Settings()
    where = str(config_file)
    try:
        text = config_file.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_TolerantLoader) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError([Problem(where, 1, "file", f"cannot be read: {error}")]) from None
    except yaml.YAMLError as error:
        trouble = syntax_error(text, error)
        raise SettingsError([Problem(where, trouble.line + 1, "file", trouble.message)]) from None
    extra = data.get("extra") if isinstance(data, dict) else None
    settings = extra.get("roledex") if isinstance(extra, dict) else None
    return settings_from(settings, settings_file(where, text))

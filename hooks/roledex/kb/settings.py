"""Site settings from `extra.roledex` in mkdocs.yml: base currency, exchange rates, assumptions.

Read into a plain dataclass so that the domain never sees MkDocs' config object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from roledex.kb.currencies import CURRENCY_CODES, currency_hint


class SettingsError(ValueError):
    """A setting in `extra.roledex` has the wrong type or value."""


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


def _currency(name: str, value: Any) -> str:
    if not isinstance(value, str) or value not in CURRENCY_CODES:
        hint = currency_hint(value) if isinstance(value, str) else ""
        raise SettingsError(f"extra.roledex.{name}: expected an ISO 4217 code such as USD, got {value!r}{hint}")
    return value


def _positive(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise SettingsError(f"extra.roledex.{name}: expected a positive number, got {value!r}")
    return float(value)


def _rates(value: Any) -> dict[str, float]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SettingsError(f"extra.roledex.rates: expected a mapping such as {{EUR: 1.08}}, got {value!r}")
    return {_currency(f"rates.{code}", code): _positive(f"rates.{code}", rate) for code, rate in value.items()}


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SettingsError(f"extra.roledex.rates_date: expected a date as YYYY-MM-DD, got {value!r}") from None


KNOWN_KEYS = tuple(spec.name for spec in fields(Settings))
"""The keys of `extra.roledex`: the fields of `Settings`, in their order."""


def settings_from(extra: dict[str, Any] | None) -> Settings:
    """Settings from the `extra.roledex` mapping; raise SettingsError naming the bad key."""
    data = dict(extra or {})
    unknown = sorted(set(data) - set(KNOWN_KEYS))
    if unknown:
        raise SettingsError(f"extra.roledex: unknown key {unknown[0]!r}; known keys: {', '.join(KNOWN_KEYS)}")
    defaults = Settings()
    return Settings(
        base_currency=_currency("base_currency", data.get("base_currency", defaults.base_currency)),
        rates=_rates(data.get("rates")),
        rates_date=_date(data.get("rates_date")),
        hours_per_week=_positive("hours_per_week", data.get("hours_per_week", defaults.hours_per_week)),
        days_per_week=_positive("days_per_week", data.get("days_per_week", defaults.days_per_week)),
        weeks_per_year=_positive("weeks_per_year", data.get("weeks_per_year", defaults.weeks_per_year)),
        closing_soon_days=int(_positive("closing_soon_days", data.get("closing_soon_days", 14))),
        repository=_repository(data.get("repository")),
    )


def _repository(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value.count("/") != 1 or not all(value.split("/")):
        raise SettingsError(f"extra.roledex.repository: expected OWNER/NAME such as jane/job-search, got {value!r}")
    return value


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


def read_settings(config_file: Path) -> Settings:
    """The site settings of `config_file`, or the defaults when it does not exist."""
    if not config_file.is_file():
        return Settings()
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except yaml.YAMLError as error:
        raise SettingsError(f"{config_file}: cannot be read as YAML: {error}") from None
    extra = data.get("extra") if isinstance(data, dict) else None
    return settings_from((extra or {}).get("roledex") if isinstance(extra, dict) else None)

"""Reading `extra.roledex` from mkdocs.yml for commands that run outside a build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from roledex.kb.settings import Settings, SettingsError, settings_from


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

"""JSON Schema of each kind, derived from `schema` for editors and check-jsonschema."""

from __future__ import annotations

import datetime as dt
from typing import Any

from roledex.kb.currencies import CURRENCY_CODES
from roledex.kb.schema import KINDS, LARGEST_NUMBER, RESERVED_SLUGS, SLUG_PATTERN, Field, Kind

DIALECT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: what editors' YAML language server and remark-lint-frontmatter-schema (Ajv) read
in full, and check-jsonschema too."""


def _simple_types() -> dict[str, dict[str, Any]]:
    return {
        "text": {"type": "string", "minLength": 1, "pattern": r"\S"},
        "number_or_text": {"type": ["string", "number"]},
        "number": {"type": "number", "minimum": 0, "maximum": LARGEST_NUMBER},
        "integer": {"type": "integer", "minimum": 0, "maximum": LARGEST_NUMBER},
        "year": {"type": "integer", "minimum": 1600, "maximum": dt.date.today().year + 1},
        "bool": {"type": "boolean"},
        "date": {"type": "string", "format": "date"},
        "url": {"type": "string", "format": "uri", "pattern": r"^https?://[^\s/]+\.[^\s]*$|^https?://localhost"},
        "slug": {"type": "string", "pattern": SLUG_PATTERN, "not": {"enum": sorted(RESERVED_SLUGS)}},
        "currency": {"type": "string", "enum": sorted(CURRENCY_CODES)},
        "text_list": {"type": "array", "items": {"type": "string", "minLength": 1, "pattern": r"\S"}},
        "slug_list": {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}},
        "time": {"type": "string", "pattern": TIME_PATTERN},
        "email": {"type": "string", "format": "email", "pattern": r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"},
        "number_list": {"type": "array", "items": {"type": "number", "minimum": 0}},
        "score_map": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 5}},
    }


TIME_PATTERN = r"^\s*\d{1,2}:\d{2}\s*(?:Z|UTC|[+-]\d{2}:?\d{2}|\s[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*)\s*$"
"""A time with its zone; the checker also knows the zone names (this pattern only their shape)."""


def field_schema(spec: Field) -> dict[str, Any]:
    """The JSON Schema of one key."""
    if spec.type == "choice":
        schema: dict[str, Any] = {"type": "string", "enum": list(spec.choices)}
    elif spec.type == "mapping":
        schema = object_schema(spec.fields)
    elif spec.type == "mapping_list":
        schema = {"type": "array", "items": object_schema(spec.fields)}
    else:
        schema = dict(_simple_types()[spec.type])
    schema["description"] = spec.description
    if spec.default is not None:
        schema["default"] = spec.default
    return schema


def object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    """An object with exactly these keys, the required ones required."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: field_schema(f) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    dependent = {f.name: list(f.requires) for f in fields if f.requires}
    if dependent:
        schema["dependencies"] = dependent  # draft 7's form of dependentRequired
    return schema


def kind_schema(kind: Kind) -> dict[str, Any]:
    """The whole schema of one kind's front matter."""
    return {
        "$schema": DIALECT,
        "$id": f"https://roledex.invalid/schema/{kind.name}.json",
        "title": f"roledex {kind.name}",
        "description": f"{kind.description} Files live in docs/{kind.folder}/.",
        **object_schema(kind.fields),
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every kind's schema, keyed by kind name."""
    return {name: kind_schema(kind) for name, kind in KINDS.items()}

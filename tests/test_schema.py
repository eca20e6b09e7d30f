"""One content model: JSON Schema, records and scaffolds all follow `schema`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import frontmatter
import jsonschema
import pytest
from conftest import DATA, SHIPPED_DOCS, invoke, run_roledex
from roledex.kb.json_schema import all_schemas
from roledex.kb.load import RECORD_TYPES
from roledex.kb.schema import KINDS
from roledex.kb.source import read_document


def _as_json_data(value: Any) -> Any:
    """Front matter as an editor's YAML 1.2 reader sees it: dates are text."""
    if isinstance(value, dict):
        return {k: _as_json_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json_data(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _documents(docs: Path):
    for kind in KINDS.values():
        for path in sorted((docs / kind.folder).glob("*.md")):
            doc, problems = read_document(str(path), kind.folder, path.stem, path.read_bytes())
            yield kind, path, doc, problems


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = all_schemas()[kind]
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_schemas_are_valid_json_schema() -> None:
    for schema in all_schemas().values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_every_shipped_file_is_accepted_by_its_schema() -> None:
    checked = 0
    for kind, path, doc, problems in _documents(SHIPPED_DOCS):
        assert problems == []
        errors = list(_validator(kind.name).iter_errors(_as_json_data(doc.meta)))
        assert errors == [], f"{path}: {[e.message for e in errors]}"
        checked += 1
    assert checked == 7


BROKEN_BY_SCHEMA = [
    "companies/bad-types.md",
    "companies/empty-front-matter.md",
    "postings/acme-typo-keys.md",
    "postings/acme-closes-early.md",
    "postings/acme-missing-title.md",
    "applications/acme-dup-url-a.md",
    "applications/acme-headline.md",
    "contacts/jon-doe.md",
]


@pytest.mark.parametrize("name", BROKEN_BY_SCHEMA)
def test_schema_rejects_the_broken_files(name: str) -> None:
    folder, _, filename = name.partition("/")
    kind = next(k for k in KINDS.values() if k.folder == folder)
    path = DATA / "broken" / "docs" / name
    doc, _ = read_document(str(path), folder, filename[:-3], path.read_bytes())
    assert list(_validator(kind.name).iter_errors(_as_json_data(doc.meta)))


def test_records_have_exactly_the_schema_keys() -> None:
    for name, kind in KINDS.items():
        record_fields = {f.name for f in dataclasses.fields(RECORD_TYPES[name])} - {"slug", "doc"}
        assert record_fields == set(kind.field_names), name


def test_schema_command_prints_one_kind_or_all() -> None:
    one = run_roledex("schema", "posting")
    assert one.returncode == 0
    assert json.loads(one.stdout)["required"] == ["company", "title"]
    every = json.loads(invoke("schema").stdout)
    assert set(every) == {"company", "posting", "prep", "application", "contact"}
    unknown = invoke("schema", "postings")
    assert unknown.returncode == 2 and "did you mean 'posting'?" in unknown.stderr


def test_python_frontmatter_reads_shipped_files_as_roledex_does() -> None:
    """The files stay readable by other front-matter tools, not only by roledex."""
    for _, path, doc, _ in _documents(SHIPPED_DOCS):
        post = frontmatter.load(path)
        assert post.metadata == doc.meta

"""One content model: JSON Schema, records and scaffolds all follow `schema`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import frontmatter
import jsonschema
import pytest
import yaml
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


def _validator(kind: str) -> jsonschema.Draft7Validator:
    schema = all_schemas()[kind]
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def test_schemas_are_valid_json_schema() -> None:
    for schema in all_schemas().values():
        jsonschema.Draft7Validator.check_schema(schema)


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
    assert set(every) == {"company", "posting", "prep", "application", "contact", "story", "question", "offer"}
    unknown = invoke("schema", "postings")
    assert unknown.returncode == 2 and "did you mean 'posting'?" in unknown.stderr


def test_python_frontmatter_reads_shipped_files_as_roledex_does() -> None:
    """The files stay readable by other front-matter tools, not only by roledex."""
    for _, path, doc, _ in _documents(SHIPPED_DOCS):
        post = frontmatter.load(path)
        assert post.metadata == doc.meta


def test_schema_output_makes_the_folder_and_never_overwrites_other_text(tmp_path: Path) -> None:
    target = tmp_path / ".schemas" / "posting.json"
    first = invoke("schema", "posting", "--output", str(target))
    assert first.returncode == 0 and f"{target}: written" in first.stdout
    assert json.loads(target.read_text())["required"] == ["company", "title"]
    again = invoke("schema", "posting", "--output", str(target))
    assert again.returncode == 0 and "unchanged" in again.stdout
    target.write_text("my own notes\n")
    refused = invoke("schema", "posting", "--output", str(target))
    assert refused.returncode == 1 and "--force replaces it" in refused.stderr
    assert target.read_text() == "my own notes\n"
    assert invoke("schema", "posting", "--output", str(target), "--force").returncode == 0
    assert json.loads(target.read_text())["title"] == "roledex posting"


def test_schema_output_to_a_folder_writes_one_file_per_kind(tmp_path: Path) -> None:
    result = invoke("schema", "--output", f"{tmp_path / 'schemas'}/")
    assert result.returncode == 0
    written = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert written == sorted(f"{kind}.json" for kind in KINDS)
    for path in (tmp_path / "schemas").iterdir():
        schema = json.loads(path.read_text())
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert jsonschema.validators.validator_for(schema) is jsonschema.Draft7Validator


@pytest.mark.parametrize(
    ("salary", "valid"),
    [({"min": 1, "currency": "USD", "period": "year"}, True), ({"min": 1}, False), ({"text": "DOE"}, True)],
)
def test_a_figure_needs_its_currency_and_period_in_draft_7_form(salary: dict[str, object], valid: bool) -> None:
    errors = list(_validator("posting").iter_errors({"company": "a", "title": "b", "salary": salary}))
    assert (errors == []) is valid


def _readme_remarkrc() -> dict[str, Any]:
    readme = (SHIPPED_DOCS.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("In `.remarkrc.yaml`:", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    loaded = yaml.safe_load(textwrap.dedent(block))
    assert isinstance(loaded, dict)
    return loaded


def test_the_readme_points_each_kinds_schema_at_its_folder() -> None:
    plugins = _readme_remarkrc()["plugins"]
    assert "remark-frontmatter" in plugins
    name, options = next(p for p in plugins if isinstance(p, list))
    assert name == "remark-lint-frontmatter-schema"
    assert options["schemas"] == {f"./.schemas/{k.name}.json": [f"./docs/{k.folder}/*.md"] for k in KINDS.values()}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_schema_files_the_readme_names_accept_the_shipped_files(tmp_path: Path, kind: str) -> None:
    assert invoke("schema", "--output", f"{tmp_path / '.schemas'}/").returncode == 0
    schema = json.loads((tmp_path / ".schemas" / f"{kind}.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for found, path, doc, _ in _documents(SHIPPED_DOCS):
        if found.name == kind:
            assert list(validator.iter_errors(_as_json_data(doc.meta))) == [], path
    assert list(validator.iter_errors({"not_a_key": 1})) != []

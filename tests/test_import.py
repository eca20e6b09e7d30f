"""`roledex import`: golden pairs of raw text and fields, the user's seeds, bad input, no data lost."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import markdown
import pytest
from conftest import DATA, REPO, SHIPPED_DOCS, invoke, make_site, run_roledex
from hypothesis import given, settings
from hypothesis import strategies as st
from roledex.check.run import checked_knowledge_base
from roledex.importer.extract import extract
from roledex.importer.money import choose_salary
from roledex.importer.repair import UnreadableInput, repair
from roledex.kb.scaffold import commented
from roledex.kb.schema import POSTING

GOLDEN = DATA / "import"
SEEDS = REPO.parent / "shared" / "seeds"


def _dry_run(path: Path, cwd: Path) -> dict:
    result = invoke("import", str(path), "--dry-run", "--json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", sorted(p.stem for p in GOLDEN.glob("*.txt")))
def test_golden_pairs(case: str, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    got = _dry_run(GOLDEN / f"{case}.txt", tmp_path)
    expected = json.loads((GOLDEN / f"{case}.json").read_text(encoding="utf-8"))
    for key, value in expected.items():
        if key == "salary" and value is not None:
            assert got["salary"] is not None, got["warnings"]
            assert {k: got["salary"][k] for k in value} == value, got["warnings"]
        else:
            assert got[key] == value, (key, got["warnings"])


SALARY_SHAPES = [
    ("Salary: $153,000.00 - $199,000.00 per year", (153000, 199000, "USD", "year")),
    ("Compensation: 150k-200k", (150000, 200000, None, "year")),
    ("Gehalt: €80.000 pro Jahr", (80000, 80000, "EUR", "year")),
    ("Pay: 15$ - 25$ per hour", (15, 25, "USD", "hour")),
    ("CTC: 2.5 LPA", (250000, 250000, "INR", "year")),
    ("Salary: USD 50,000 - USD 80,000", (50000, 80000, "USD", "year")),
    ("Salary up to £60,000", (None, 60000, "GBP", "year")),
    ("From $25 per hour", (25, None, "USD", "hour")),
    ("₹25,00,000 - ₹35,00,000 per annum", (2500000, 3500000, "INR", "year")),
    ("CHF 120'000 - 140'000 per year", (120000, 140000, "CHF", "year")),
    ("Salary: 1.800,50 € per month", (1800.5, 1800.5, "EUR", "month")),
    ("between $100,000 and $120,000 annually", (100000, 120000, "USD", "year")),
    ("Range: $95K – $120K/yr", (95000, 120000, "USD", "year")),
    ("Compensation: $180k base + $40k bonus (OTE $220k)", (180000, 180000, "USD", "year")),
]


@pytest.mark.parametrize(("text", "expected"), SALARY_SHAPES)
def test_salary_shapes(text: str, expected: tuple) -> None:
    salary, _ = choose_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == expected


@pytest.mark.parametrize(
    "text",
    [
        "OTE $250,000",
        "We offer a competitive salary.",
        "Team of 4-7, founded 2005",
        "A $1,500 learning stipend",
        "96 million buyers and 2,000 employees",
        "We raised $50M in Series B and reached $150 million in revenue.",
        "2022 Revenue: $2.6 billion",
    ],
)
def test_no_base_salary_is_left_empty(text: str) -> None:
    assert choose_salary(text)[0] is None


def test_headline_equal_to_the_sum_of_the_range_is_rejected() -> None:
    salary, warnings = choose_salary("`💰 454000.0`\n\nThe base salary range will be $197,000-$257,000 per year.")
    assert (salary.min, salary.max) == (197000, 257000)
    assert any("454000.0" in w and "sum" in w for w in warnings)


def _front(path: Path) -> dict:
    doc = checked_knowledge_base(path.parent.parent).kb.postings[path.stem]
    salary = doc.salary
    return {
        "company": doc.company,
        "locations": doc.locations,
        "work_mode": doc.work_mode,
        "url": doc.url,
        "salary": {"min": salary.min, "max": salary.max, "currency": salary.currency, "period": salary.period},
    }


SEED_TO_SHIPPED = {
    "002": "etsy-machine-learning-engineer-growth",
    "003": "etsy-engineering-manager-recommendations-ranking",
    "004": "etsy-engineering-manager-ads-ml",
}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the user's seeds are not beside this checkout")
@pytest.mark.parametrize("seed", sorted(SEED_TO_SHIPPED))
def test_seeds_import_to_the_shipped_facts(seed: str, tmp_path: Path) -> None:
    shutil.copytree(SHIPPED_DOCS, tmp_path / "docs")
    source = next(SEEDS.glob(f"{seed}_*.txt"))
    got = _dry_run(source, tmp_path)
    slug = SEED_TO_SHIPPED[seed]
    shipped = checked_knowledge_base(SHIPPED_DOCS).kb.postings[slug]
    assert got["title"] == shipped.title
    assert got["company"] == shipped.company
    assert got["locations"] == shipped.locations and got["work_mode"] == shipped.work_mode
    assert got["url"] == shipped.url
    salary = shipped.salary
    assert got["salary"] == {"min": salary.min, "max": salary.max, "currency": salary.currency, "period": salary.period}
    assert "â€™" not in json.dumps(got)
    if seed != "002":
        assert any("454000" in w and "not a salary" in w for w in got["notes"])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the user's seeds are not beside this checkout")
def test_imported_seeds_pass_the_check_and_are_not_imported_twice(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for folder in ("companies", "postings", "prep", "applications"):
        (docs / folder).mkdir(parents=True)
    seeds = [str(next(SEEDS.glob(f"{n}_*.txt"))) for n in SEED_TO_SHIPPED]
    first = invoke("import", *seeds, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "3 of 3 imported" in first.stderr and (docs / "companies" / "etsy.md").is_file()
    written = sorted(p.name for p in (docs / "postings").glob("*.md"))
    assert written == sorted(f"{slug}.md" for slug in SEED_TO_SHIPPED.values())
    body = (docs / "postings" / "etsy-engineering-manager-ads-ml.md").read_text(encoding="utf-8")
    assert "What’s the role?" in body and "â€" not in body and "ðŸ" not in body
    assert "headline: 454000  # the job board's figure" in body
    assert "Hawaii and Alaska" in body  # the posting's text is kept whole
    check = invoke("check", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    again = invoke("import", seeds[1], cwd=tmp_path)
    assert again.returncode == 1 and "already imported as" in again.stderr
    forced = invoke("import", seeds[1], "--force", cwd=tmp_path)
    assert forced.returncode == 0


def test_period_inferred_from_size_is_marked_in_the_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    source = tmp_path / "raw.txt"
    source.write_text("# Analyst\n\n### Acme\n\nLocation: Austin, TX\n\nSalary: $90,000 - $110,000\n", encoding="utf-8")
    result = invoke("import", str(source), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "docs" / "postings" / "acme-analyst.md").read_text(encoding="utf-8")
    assert "  period: year  # inferred from the size of the figure" in text
    assert "inferred from the size" in result.stderr


def test_bad_inputs_fail_alone_and_the_rest_are_imported(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    good = tmp_path / "good.txt"
    good.write_text("# Analyst\n\n### Acme\n\nLocation: Austin, TX\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("# Café Manager\n\nCafé Müller is hiring.".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"a" * (3 * 1024 * 1024))
    names = ["empty.txt", "binary.bin", "latin1.txt", "huge.txt", "good.txt"]
    result = invoke("import", *names, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name, words in (
        ("empty.txt", "is empty"),
        ("binary.bin", "binary"),
        ("latin1.txt", "not UTF-8"),
        ("huge.txt", "MB"),
    ):
        assert f"{name}: " in result.stderr and words in result.stderr
    assert "1 of 5 imported, 4 failed" in result.stderr
    assert (tmp_path / "docs" / "postings" / "acme-analyst.md").is_file()


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "postings").mkdir(parents=True)
    existing = docs / "postings" / "acme-analyst.md"
    existing.write_text("my own notes\n", encoding="utf-8")
    source = tmp_path / "raw.txt"
    source.write_text("# Analyst\n\n### Acme\n\nSomething new.\n", encoding="utf-8")
    result = invoke("import", str(source), cwd=tmp_path)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert existing.read_text(encoding="utf-8") == "my own notes\n"
    assert invoke("import", str(source), "--force", cwd=tmp_path).returncode == 0
    assert "Something new." in existing.read_text(encoding="utf-8")


def test_standard_input_and_options(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    result = run_roledex(
        "import",
        "-",
        "--company",
        "initech",
        "--url",
        "https://jobs.example.com/7",
        "--dry-run",
        "--json",
        cwd=tmp_path,
        stdin="Printer Whisperer\n\nFix printers.\n",
    )
    got = json.loads(result.stdout)
    assert (got["company"], got["title"], got["url"]) == ("initech", "Printer Whisperer", "https://jobs.example.com/7")
    assert not (tmp_path / "docs" / "postings").exists()
    assert invoke("import", "-", "--company", "Not A Slug", cwd=tmp_path, stdin="x").returncode == 2


@pytest.mark.parametrize(
    ("raw", "at"),
    [(b"\xff\xfea", 2), (b"\xfe\xff\x00a\x00", 4), (b"\xff\xfe\x00\xdc", 2)],  # odd length, lone surrogate
)
def test_broken_utf16_is_refused_with_where_it_breaks(raw: bytes, at: int) -> None:
    with pytest.raises(UnreadableInput) as refused:
        repair(raw)
    assert str(refused.value) == f"starts as UTF-16 but breaks off at byte {at}; save it as UTF-8 and import it again"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=600).map(lambda t: t.encode("utf-8")))
def test_the_extractor_never_raises(raw: bytes) -> None:
    try:
        repaired = repair(raw)
    except UnreadableInput:
        return
    extract(repaired)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "$",
                "€",
                "£",
                "₹",
                "USD",
                "k",
                "K",
                " - ",
                " to ",
                "per hour",
                "a year",
                "LPA",
                "1",
                "25",
                "150",
                ",000",
                ".000",
                "'000",
                ",00",
                ".5",
                " ",
                "\n",
                "salary",
                "bonus",
                "OTE",
                "up to",
                "💰",
                "454000.0",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_salary_reader_never_raises_on_money_like_text(text: str) -> None:
    salary, warnings = choose_salary(text)
    assert isinstance(warnings, list)
    if salary is not None and salary.min is not None and salary.max is not None:
        assert salary.min <= salary.max


@pytest.mark.parametrize(
    ("paste", "shown"),
    [
        ("Write &lt;script&gt;alert(1)&lt;/script&gt; free code.", "<script>alert(1)</script>"),
        ("Also <img src=x onerror=alert(2)> here.", "<img src=x onerror=alert(2)>"),
        ("A comment <!-- hidden --> here.", "<!-- hidden -->"),
        ("<p>Use &lt;b&gt; wisely</p><p>and &lt;i&gt; too</p>", "<b>"),
        ("A closing </div> tag.", "</div>"),
    ],
)
def test_markup_in_a_paste_is_kept_as_words_never_as_markup(paste: str, shown: str) -> None:
    repaired = repair(paste.encode())
    rendered = markdown.markdown(repaired.body)
    assert "<script" not in rendered and "<img" not in rendered and "<!--" not in rendered and "<b>" not in rendered
    assert shown in html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert any("HTML tag(s) in the text as text" in change for change in repaired.changes)


@pytest.mark.parametrize(
    "paste",
    ["See <https://acme.example/jobs> for more.", "Use `a < b` and `<tag>` in code.", "2 < 3 and 5 > 4 hold."],
)
def test_autolinks_code_and_comparisons_are_left_as_they_are(paste: str) -> None:
    repaired = repair(paste.encode())
    assert repaired.body.strip() == paste
    assert not any("HTML tag(s)" in change for change in repaired.changes)


PASTE = "Senior Data Engineer\nAcme Robotics\nBerlin, Germany (Hybrid)\n\nSalary: EUR 70,000 - 85,000 per year\n"


def test_an_imported_posting_carries_the_same_key_hints_as_a_new_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SHIPPED_DOCS, docs)
    (tmp_path / "paste.txt").write_text(PASTE, encoding="utf-8")
    assert invoke("import", "paste.txt", "--url", "https://acme.example/jobs/1", cwd=tmp_path).returncode == 0
    text = (docs / "postings" / "acme-robotics-senior-data-engineer.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1].splitlines()
    keys = [re.match(r"(?:# )?(\w+):", line).group(1) for line in front if re.match(r"(?:# )?\w+:", line)]
    assert keys == [spec.name for spec in POSTING.fields]  # every key once, set or hinted, in the schema's order
    for spec in POSTING.fields:
        if not any(line.startswith(f"{spec.name}:") for line in front):
            assert commented(spec)[0] in front
    assert "url: " in text and "# url:" not in text
    assert not checked_knowledge_base(docs).problems or all(
        p.severity == "warning" for p in checked_knowledge_base(docs).problems
    )


def test_the_import_says_note_for_what_it_did_and_warning_for_what_may_be_wrong(tmp_path: Path) -> None:
    make_site(tmp_path)
    paste = (
        "Staff Engineer\n\nAcme Robotics, Berlin, Germany\n\n`💰 130000`\n\n"
        "The salary range is €50,000-€80,000 per year.\n\nYou will build robots.\n"
    )
    result = invoke("import", "-", "--company", "acme", "--dry-run", cwd=tmp_path, stdin=paste)
    said = [line.split(": ", 2)[1:] for line in result.stderr.splitlines()]
    notes = [text for label, text in said if label == "note"]
    warnings = [text for label, text in said if label == "warning"]
    assert any("130000" in note and "kept as salary.headline" in note for note in notes), result.stderr
    assert any("work mode" in warning for warning in warnings), result.stderr
    assert not any("salary.headline" in warning for warning in warnings)

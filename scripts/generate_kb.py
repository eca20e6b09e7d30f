"""Generate a synthetic knowledge base for benchmarks: N postings over M companies.

    python scripts/generate_kb.py OUT_DIR --postings 5000 --companies 500

OUT_DIR gets a copy of the project's mkdocs.yml and a docs/ folder with realistic files:
front matter of every kind of key, and posting bodies of a few kilobytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROLES = [
    "engineering-manager-ml",
    "machine-learning-engineer",
    "data-scientist",
    "backend-engineer",
    "product-manager",
    "staff-engineer",
    "site-reliability-engineer",
    "designer",
]
CURRENCIES = [
    ("USD", "year", 90_000, 320_000),
    ("EUR", "year", 50_000, 160_000),
    ("GBP", "year", 45_000, 150_000),
    ("USD", "hour", 40, 160),
    ("INR", "year", 1_500_000, 6_000_000),
]
WORDS = [
    "platform",
    "data",
    "model",
    "team",
    "users",
    "product",
    "scale",
    "search",
    "ranking",
    "growth",
    "ads",
    "reliability",
    "pipeline",
    "experiment",
    "latency",
    "mentor",
    "roadmap",
    "hiring",
    "quality",
    "customers",
    "marketplace",
]


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(" ".join(rng.choices(WORDS, k=rng.randint(8, 18))).capitalize() + "." for _ in range(sentences))


def company_file(index: int, rng: random.Random) -> str:
    return (
        f"---\nname: Company {index}\nwebsite: https://company{index}.example.com\n"
        f"headquarters: City {index % 40}\nfounded: {1950 + index % 70}\nemployees: {rng.randint(20, 90000)}\n"
        f"industry: Industry {index % 12}\ntags: [sector-{index % 9}]\ntech_stack: [Python, Go, Kafka]\n---\n\n"
        f"# Company {index}\n\n## Company overview\n\n{_paragraph(rng, 5)}\n\n"
        f"## Mission and values\n\n{_paragraph(rng, 3)}\n\n## Technology stack\n\n- Python\n- Go\n"
    )


def posting_file(index: int, company: int, rng: random.Random) -> str:
    currency, period, low, high = rng.choice(CURRENCIES)
    minimum = rng.randint(low, (low + high) // 2)
    maximum = rng.randint(minimum, high)
    role = rng.choice(ROLES)
    body = "\n\n".join(
        f"## Section {s}\n\n{_paragraph(rng, 6)}\n\n- {_paragraph(rng, 1)}\n- {_paragraph(rng, 1)}" for s in range(4)
    )
    return (
        f'---\ncompany: company-{company}\ntitle: "{role.replace("-", " ").title()} {index}"\n'
        f"role: {role}\nteam: Team {index % 17}\nteam_size: 4-8\nemployment: full-time\n"
        f"locations: [City {index % 40}, Remote]\nwork_mode: {rng.choice(['remote', 'hybrid', 'onsite'])}\n"
        f"salary:\n  min: {minimum}\n  max: {maximum}\n  currency: {currency}\n  period: {period}\n"
        f"url: https://jobs.example.com/{index}\nposted: 2026-{1 + index % 12:02d}-{1 + index % 28:02d}\n"
        f"tags: [{role}]\nskills: [Python, Leadership]\n---\n\n{body}\n"
    )


def generate(out: Path, postings: int, companies: int, seed: int = 7) -> Path:
    """Write the knowledge base under `out` and return its docs folder."""
    rng = random.Random(seed)
    docs = out / "docs"
    if out.exists():
        shutil.rmtree(out)
    for folder in ("companies", "postings", "prep", "applications"):
        (docs / folder).mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for index in range(companies):
        (docs / "companies" / f"company-{index}.md").write_text(company_file(index, rng), encoding="utf-8")
    for index in range(postings):
        text = posting_file(index, index % companies, rng)
        (docs / "postings" / f"posting-{index}.md").write_text(text, encoding="utf-8")
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--postings", type=int, default=1000)
    parser.add_argument("--companies", type=int, default=100)
    args = parser.parse_args()
    docs = generate(args.out, args.postings, args.companies)
    print(f"wrote {args.postings} postings and {args.companies} companies under {docs}")


if __name__ == "__main__":
    main()

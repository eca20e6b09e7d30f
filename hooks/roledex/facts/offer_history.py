"""An offer's earlier versions, as `roledex revise` kept them before its figures changed: the
negotiation, day by day."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roledex.kb.kept import kept_folder, kept_versions
from roledex.kb.model import Offer
from roledex.kb.schema import OFFER
from roledex.kb.source import read_document


@dataclass(frozen=True)
class Version:
    """The offer's front matter as it stood on a day."""

    day: str
    meta: dict[str, Any]


def earlier_versions(offer: Offer) -> list[Version]:
    """Each kept version of the offer, oldest first (none when it was never revised)."""
    docs = Path(offer.doc.path).parent.parent
    versions = []
    for day, path in kept_versions(kept_folder(docs, OFFER.folder, offer.posting)):
        try:
            document, _ = read_document(str(path), OFFER.folder, offer.slug, path.read_bytes())
        except OSError:
            continue
        if document is not None and isinstance(document.meta, dict):
            versions.append(Version(day, dict(document.meta)))
    return versions


def said(money: Any) -> str:
    """A money mapping as the offer letter says it: '200,000 USD a year', '15% of base'."""
    if not isinstance(money, dict):
        return ""
    if money.get("target_percent") is not None:
        return f"{money['target_percent']:g}% of base"
    amount = money.get("amount", money.get("value"))
    if not isinstance(amount, (int, float)):
        if money.get("shares") is not None:
            return f"{money['shares']:,} shares at {money.get('price', '?')} {money.get('currency', '')}".strip()
        return ""
    period = f" a {money['period']}" if money.get("period") else ""
    return f"{amount:,.0f} {money.get('currency', '')}{period}".replace("  ", " ").strip()

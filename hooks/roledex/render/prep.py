"""A prep page per posting: everything to read before the interview, on one sheet."""

from __future__ import annotations

from ..model import Posting
from .cards import posting_facts
from .common import link, posting_uri, prep_uri, text
from .context import SiteContext


def prep_page(ctx: SiteContext, posting: Posting, notes: str | None = None) -> str:
    """The prep page of a posting; `notes` is the body of the user's prep file, if any."""
    here = prep_uri(posting.slug)
    facts = "\n".join(posting_facts(ctx, posting, here))
    parts = [f"# Prep: {text(posting.title)}\n",
             f'<div class="rdx-card" markdown>\n\n{facts}\n- **Posting:** {link(posting.title, here, posting_uri(posting))}\n\n</div>\n']
    if notes and notes.strip():
        parts.append("## Your notes\n\n" + notes.strip() + "\n")
    else:
        parts.append("## Your notes\n\nNo prep notes yet. Start them with:\n\n"
                     f"```sh\nroledex new prep {posting.slug}\n```\n")
    return "\n".join(parts)

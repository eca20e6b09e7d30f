"""Where the user stands with a posting, shown wherever the posting is (private view only).

A published build has no applications in its knowledge base, and every helper here also asks
`ctx.application_of`, which answers only in the private view: nothing of an application can
reach a published page through them.
"""

from __future__ import annotations

from roledex.kb.model import Application, Posting
from roledex.web.common import badge, link, relative, text
from roledex.web.context import SiteContext


def application_uri(application: Application) -> str:
    return application.doc.src_uri


def status_badge(application: Application | None) -> str:
    if application is None or not application.status:
        return ""
    return badge(application.status, f"status-{application.status}", "where your application stands")


def next_step_text(application: Application) -> str:
    """'call with Jo (2026-12-02)', escaped; empty when no next step is set."""
    if not application.next_step and not application.next_date:
        return ""
    when = f" ({application.next_date})" if application.next_date else ""
    return text(application.next_step or "next step") + when


def standing(ctx: SiteContext, posting: Posting, here: str) -> str:
    """A posting's status badge, linked to its application, for a table cell or a line."""
    application = ctx.application_of(posting)
    if application is None:
        return ""
    shown = status_badge(application) or text("application")
    return f'<a href="{relative(here, application_uri(application))}">{shown}</a>'


def standing_items(ctx: SiteContext, posting: Posting, here: str) -> list[str]:
    """Card items for a posting's page: your status and next step, or nothing."""
    application = ctx.application_of(posting)
    if application is None:
        return []
    status = status_badge(application) or "no status yet"
    step = next_step_text(application)
    parts = [status, link("your application", here, application_uri(application))]
    items = ["<strong>You:</strong> " + " · ".join(parts)]
    if step:
        items.append(f"<strong>Next step:</strong> {step}")
    return items

"""The funnel page (private view): how far applications got, and how companies answer."""

from __future__ import annotations

from roledex.facts.funnel import MIN_FOR_RATE, Funnel, funnel
from roledex.web.common import INDEX_URIS, badge, link, plural, table, text
from roledex.web.context import SiteContext

HERE = INDEX_URIS["funnel"]


def _days(value: int | None) -> str:
    return "not yet known" if value is None else plural(value, "day")


def funnel_page(ctx: SiteContext) -> str:
    """Stages reached, outcomes apart, response by source, and time to an answer."""
    found = funnel(ctx.kb.applications.values(), ctx.timeline, ctx.settings, ctx.today)
    pipeline = link("Applications", HERE, INDEX_URIS["applications"])
    parts = [
        "# Funnel\n",
        badge("private", "private")
        + f" This page exists only in the private view. Counted from each application's history: an "
        f"application is counted at the furthest stage it ever reached, whatever its status now. A "
        f"share is given from {MIN_FOR_RATE} applications up. See also {pipeline}.\n",
    ]
    if not found.sent:
        parts.append("No application has been sent yet: `roledex status POSTING applied` records one.\n")
        return "\n".join(parts)
    parts.append(f"## Stages reached\n\n{plural(found.sent, 'application')} sent.\n")
    parts.append(table(["Stage", "Reached", "Median days to the next stage"], _stage_rows(found)))
    outcomes = [
        ["rejected", str(found.rejected)],
        ["withdrawn", str(found.withdrawn)],
        [
            f"ghosted (no answer {ctx.settings.ghosted_after_days} days after applying or following up)",
            str(found.ghosted),
        ],
        ["still waiting", str(found.waiting)],
    ]
    parts.append("## Outcomes\n\nA rejection is an answer; silence is counted apart.\n")
    parts.append(table(["Outcome", "Applications"], outcomes))
    parts.append("## Answers by source\n")
    parts.append(table(["Source", "Answered"], [[text(s), r.describe()] for s, r in found.by_source]))
    parts.append(
        "## Time to an answer\n\n"
        f"{found.answered} of {found.sent} answered. Median time from applying to a first answer: "
        f"{_days(found.median_days_to_answer)} (applications still waiting count for the days they have "
        "waited, not as if they had been answered).\n"
    )
    return "\n".join(parts)


def _stage_rows(found: Funnel) -> list[list[str]]:
    days = {stage: (median, n) for stage, median, n in found.stage_days}
    rows = []
    for stage, rate in found.stages:
        median, entered = days.get(stage, (None, 0))
        rows.append([stage, rate.describe(), f"{_days(median)} (n={entered})" if stage in days else ""])
    return rows

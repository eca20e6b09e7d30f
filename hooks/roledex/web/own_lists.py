"""Lists of the user's own material (private view only): contacts with their next follow-ups,
stories with the requirements they prove and where they were told, questions by readiness,
prep notes with their posting's standing. The plugin makes these pages only when private pages
are included, so a published build has none of them."""

from __future__ import annotations

from roledex.facts.people import last_in_touch
from roledex.facts.question_bank import CONFIDENCE_RANK, practise_order
from roledex.facts.stories import names
from roledex.kb.model import Posting, Story
from roledex.kb.schema import CLOSED_STATUSES
from roledex.web.common import (
    WIDE_PAGE,
    badge,
    company_name,
    company_uri,
    date_cell,
    link,
    plural,
    posting_uri,
    prep_uri,
    question_uri,
    story_uri,
    table,
    text,
)
from roledex.web.context import SiteContext
from roledex.web.standing import standing

LIST_URIS = {
    "contacts": "contacts/index.md",
    "stories": "stories/index.md",
    "questions": "questions/index.md",
    "prep": "prep/index.md",
}
LIST_TITLES = {"contacts": "Contacts", "stories": "Stories", "questions": "Questions", "prep": "Prep notes"}
PRIVATE_NOTE = badge("private", "private") + " Only in the private view.\n"
READINESS = {
    "low": "Not ready (low confidence)",
    None: "Not rated",
    "medium": "Nearly (medium)",
    "high": "Ready (high)",
}


def _page(key: str, lead: str, body: str) -> str:
    return f"{WIDE_PAGE}# {LIST_TITLES[key]}\n\n{PRIVATE_NOTE}\n{lead}\n{body}"


def contacts_list(ctx: SiteContext) -> str:
    """Every contact, those to get back to soonest first."""
    here = LIST_URIS["contacts"]
    people = sorted(
        ctx.kb.contacts.values(),
        key=lambda c: (c.next_follow_up is None, c.next_follow_up or ctx.today, c.name.lower(), c.slug),
    )
    if not people:
        return _page("contacts", "No contacts yet: `roledex new contact NAME --company SLUG` adds one.", "")
    rows = []
    for contact in people:
        company = ctx.kb.companies.get(contact.company or "")
        follow_up = date_cell(contact.next_follow_up)
        if contact.next_follow_up and contact.next_follow_up < ctx.today:
            follow_up += " " + badge("overdue", "flag")
        rows.append(
            [
                link(contact.name, here, contact.doc.src_uri),
                link(company.name, here, company_uri(company.slug)) if company else text(contact.company or ""),
                text(contact.role or ""),
                text((contact.relation or "").replace("-", " ")),
                date_cell(last_in_touch(contact, ctx.kb, ctx.today)),
                follow_up,
            ]
        )
    lead = f"{plural(len(people), 'person', 'people')}, those to get back to soonest first."
    headers = ["Name", "Company", "Role", "How you know them", "Last contact", "Next follow-up"]
    return _page("contacts", lead, table(headers, rows))


def _live(ctx: SiteContext) -> list[Posting]:
    """Postings the user is working on: an application still open, or prep notes."""
    return [
        posting
        for posting in ctx.kb.postings.values()
        if (
            (application := ctx.kb.applications.get(posting.slug)) is not None
            and application.status not in CLOSED_STATUSES
        )
        or posting.slug in ctx.kb.preps
    ]


def _proves(ctx: SiteContext, story: Story, postings: list[Posting], here: str) -> str:
    """The live postings with requirements the story proves, and how many of each."""
    phrases = [*story.skills, *story.proves]
    shown = []
    for posting in postings:
        duties, needs = ctx.asks(posting)
        count = sum(1 for requirement in needs or duties if any(names(requirement, p) for p in phrases))
        if count:
            shown.append(f"{link(posting.title, here, prep_uri(posting.slug))} ({plural(count, 'requirement')})")
    return ", ".join(shown)


def stories_list(ctx: SiteContext) -> str:
    """Every story with what it shows, the requirements of live postings it proves, where told."""
    here = LIST_URIS["stories"]
    stories = sorted(ctx.kb.stories.values(), key=lambda s: (s.title.lower(), s.slug))
    if not stories:
        return _page("stories", "No stories yet: `roledex new story TITLE` starts one.", "")
    live = _live(ctx)
    rows = []
    for story in stories:
        told = [ctx.kb.postings[slug] for slug in story.used if slug in ctx.kb.postings]
        rows.append(
            [
                link(story.title or story.slug, here, story_uri(story.slug)),
                text(", ".join([*story.skills, *story.proves])),
                _proves(ctx, story, live, here),
                ", ".join(link(p.title, here, posting_uri(p)) for p in told),
            ]
        )
    lead = (
        f"{plural(len(stories), 'story', 'stories')}. *Proves* counts the requirements of each posting you "
        "are working on (an open application or prep notes) that names one of the story's skills or phrases."
    )
    return _page("stories", lead, table(["Story", "Skills and phrases", "Proves", "Told in"], rows))


def questions_list(ctx: SiteContext) -> str:
    """The question bank by readiness: the least ready first, then the longest unpractised."""
    here = LIST_URIS["questions"]
    questions = sorted(ctx.kb.questions.values(), key=practise_order)
    if not questions:
        return _page("questions", "No questions yet: `roledex new question TEXT` adds one.", "")
    parts = []
    for confidence in sorted(READINESS, key=lambda c: CONFIDENCE_RANK[c]):
        group = [q for q in questions if q.confidence == confidence]
        if not group:
            continue
        rows = [
            [
                link(q.question or q.slug, here, question_uri(q.slug)),
                text(", ".join(q.tags)),
                str(q.asked) if q.asked else "",
                date_cell(q.practised) or "never",
            ]
            for q in group
        ]
        parts.append(f"## {READINESS[confidence]}\n" + table(["Question", "Tags", "Asked", "Last practised"], rows))
    lead = f"{plural(len(questions), 'question')}, the least ready first, then the longest unpractised."
    return _page("questions", lead, "\n".join(parts))


def prep_list(ctx: SiteContext) -> str:
    """The prep notes, each with its posting, company, your standing and closing date."""
    here = LIST_URIS["prep"]
    preps = [(prep, ctx.kb.postings.get(prep.posting)) for prep in ctx.kb.preps.values()]
    if not preps:
        return _page("prep", "No prep notes yet: `roledex new prep POSTING` starts them.", "")
    rows = []
    for prep, posting in sorted(preps, key=lambda pair: (pair[1].title.lower() if pair[1] else "", pair[0].slug)):
        if posting is None:
            rows.append([text(prep.posting), "", "", "", ""])
            continue
        rows.append(
            [
                link(posting.title, here, prep_uri(posting.slug)),
                link(company_name(ctx.kb, posting), here, company_uri(posting.company)),
                standing(ctx, posting, here) or "not applied",
                date_cell(posting.closes),
                link("posting", here, posting_uri(posting)),
            ]
        )
    lead = f"{plural(len(preps), 'posting')} with your prep notes; every posting has a prep page."
    return _page("prep", lead, table(["Prep page", "Company", "You", "Closes", ""], rows))


def own_lists(ctx: SiteContext) -> dict[str, str]:
    """The four list pages by source path."""
    return {
        LIST_URIS["contacts"]: contacts_list(ctx),
        LIST_URIS["stories"]: stories_list(ctx),
        LIST_URIS["questions"]: questions_list(ctx),
        LIST_URIS["prep"]: prep_list(ctx),
    }

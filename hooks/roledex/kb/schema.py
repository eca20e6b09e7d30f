"""The content model: every kind, key, type and allowed value, written once.

The checker (`validate`), the JSON Schema (`json_schema`), the scaffolds (`scaffold`) and
the site all read these tables; nothing else lists keys or allowed values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

STATUSES: tuple[str, ...] = (
    "saved",
    "preparing",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "closed",
)
"""Application statuses in pipeline order; the last four end an application."""

CLOSED_STATUSES: frozenset[str] = frozenset({"accepted", "rejected", "withdrawn", "closed"})
STALE_AFTER_DAYS = 21
"""An open application with no change this many days after it was applied is stale."""
WAITING_ON_YOU: frozenset[str] = frozenset({"offer"})
"""Open statuses where the next move is the user's: nothing to chase, so never stale."""
DUE_WITHIN_DAYS = 14
"""The pipeline lists next steps due within this many days."""
EVENT_KINDS: tuple[str, ...] = ("status", "round", "follow-up", "reply", "note", "todo")
"""What an application event records: a change of status, an interview round, a follow-up the
user sent, a reply from the company, a note, or a to-do (its text in `note`, with `due` and
`done` dates)."""
LOGGED_EVENT_KINDS: tuple[str, ...] = tuple(kind for kind in EVENT_KINDS if kind != "status")
"""The events logged as themselves (`roledex event`): a change of status goes through `roledex
status`, which keeps `status` in step."""
ROUND_KINDS: tuple[str, ...] = (
    "recruiter-screen",
    "hiring-manager",
    "technical",
    "system-design",
    "behavioural",
    "onsite",
    "final",
    "other",
)
ROUND_OUTCOMES: tuple[str, ...] = ("scheduled", "passed", "failed", "cancelled", "unknown")
APPLICATION_SOURCES: tuple[str, ...] = ("referral", "recruiter", "job-board", "direct", "other")
"""How an application reached the company: the funnel compares response rates by source."""
CONTACT_RELATIONS: tuple[str, ...] = ("referral", "recruiter", "hiring-manager", "interviewer", "peer", "other")
EMPLOYMENT_TYPES: tuple[str, ...] = ("full-time", "part-time", "contract", "internship", "temporary")
WORK_MODES: tuple[str, ...] = ("remote", "hybrid", "onsite")
PERIODS_IN_A_YEAR: dict[str, tuple[float, tuple[str, ...]]] = {
    "year": (1, ()),
    "month": (12, ()),
    "week": (1, ("weeks_per_year",)),
    "day": (1, ("weeks_per_year", "days_per_week")),
    "hour": (1, ("weeks_per_year", "hours_per_week")),
}
"""Each pay period, longest first, and how many make a year: a number times the settings named
(`extra.roledex`'s working weeks, days and hours)."""
PERIODS: tuple[str, ...] = tuple(PERIODS_IN_A_YEAR)
CHOICE_SYNONYMS: dict[str, str] = {
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "per year": "year",
    "pa": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "hourly": "hour",
    "fulltime": "full-time",
    "parttime": "part-time",
    "contractor": "contract",
    "intern": "internship",
    "on-site": "onsite",
    "in-office": "onsite",
    "office": "onsite",
    "remote-first": "remote",
    "interview": "interviewing",
    "rejection": "rejected",
    "pending": "preparing",
    "to apply": "saved",
    "screen": "recruiter-screen",
    "phone screen": "recruiter-screen",
    "behavioral": "behavioural",
    "system design": "system-design",
    "followup": "follow-up",
    "follow up": "follow-up",
    "response": "reply",
    "linkedin": "job-board",
    "hiring manager": "hiring-manager",
}
"""Words people write for an allowed value, used for "did you mean" hints."""


@dataclass(frozen=True)
class PrepTopic:
    """A heading of prep notes: as a new note writes it, the words that find it in any note,
    and whether the prep page numbers its items as questions."""

    heading: str
    words: tuple[str, ...]
    questions: bool = False


LIKELY_QUESTIONS = PrepTopic(
    "Likely questions", ("likely question", "interview question", "potential question", "questions"), True
)
"""Questions the user expects to be asked: practised, and gathered across a role family."""
QUESTIONS_TO_ASK = PrepTopic(
    "Questions to ask", ("questions to ask", "ask them", "questions for them", "my questions"), True
)
"""Questions for the interviewers: gathered across a company's postings."""
PREP_TOPICS: tuple[PrepTopic, ...] = (
    PrepTopic("Role analysis", ("role analysis", "analysis", "the role")),
    PrepTopic("Talking points", ("talking point", "stories", "key points")),
    LIKELY_QUESTIONS,
    QUESTIONS_TO_ASK,
)
"""The topics of prep notes in the order a prep page shows them. A note's heading is matched
against them last to first, so 'Questions to ask' is tried before the plain 'questions'."""
PREP_HEADINGS: tuple[str, ...] = tuple(topic.heading for topic in PREP_TOPICS)
QUESTION_TOPICS: tuple[PrepTopic, ...] = tuple(topic for topic in PREP_TOPICS if topic.questions)
"""The topics whose items are questions, numbered on the prep page."""
COMPANY_SECTIONS: tuple[str, ...] = (
    "Company overview",
    "Mission and values",
    "Recent developments and strategy",
    "Technology stack",
    "Engineering culture and practices",
    "Competitive landscape",
    "Organizational structure",
    "Culture notes",
)
"""The headings a new company profile starts with; a prep page finds its company brief among
a profile's headings by the words of `BRIEF_TOPICS`, whatever headings the user keeps."""
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LARGEST_NUMBER = 10**12
"""No salary, headcount or team size comes near a trillion; a larger figure is a typo."""

RESERVED_SLUGS = frozenset({"index"})
"""Slugs that name a folder's generated index page (`roles/index.md`), never a record."""


@dataclass(frozen=True)
class Field:
    """One front-matter key.

    `type` is one of: text, number_or_text, integer, year, number, bool, date, time, url,
    email, slug, slug_list, choice, currency, text_list, mapping, mapping_list (a list of
    mappings, each with `fields`).
    """

    name: str
    type: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    default: object = None
    requires: tuple[str, ...] = ()
    """Sibling keys that must be present when this key is."""


@dataclass(frozen=True)
class Kind:
    """A kind of document: the folder it lives in and the keys its front matter takes."""

    name: str
    folder: str
    description: str
    fields: tuple[Field, ...]
    references: str | None = None
    """The kind whose slug the `posting` key names (prep and application)."""

    field_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "field_names", tuple(f.name for f in self.fields))

    def field(self, name: str) -> Field | None:
        """The field called `name`, or None."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def private_by_default(self) -> bool:
        """Whether a file of this kind without a `private:` key is private: its field's default."""
        spec = self.field("private")
        return bool(spec is not None and spec.default)


def _private(default: bool) -> Field:
    state = "private" if default else "published"
    return Field(
        "private",
        "bool",
        f"true keeps this page out of a published build; false publishes it (default: {state})",
        default=default,
    )


HEADLINE_KINDS = ("sum",)
"""What a job board's headline figure can be said to be: the sum of the range (min + max)."""

SALARY_FIELDS: tuple[Field, ...] = (
    Field("min", "number", "lowest base pay of the range, as posted", requires=("currency", "period")),
    Field("max", "number", "highest base pay of the range, as posted", requires=("currency", "period")),
    Field("currency", "currency", "ISO 4217 code of the figures, such as USD or EUR"),
    Field("period", "choice", "what the figures pay for", choices=PERIODS),
    Field("text", "text", "the salary wording exactly as posted"),
    Field("headline", "number", "a single figure a job board showed, kept for the record"),
    Field(
        "headline_is",
        "choice",
        "what the headline is, when you know: 'sum' (min + max, recorded on purpose; shown as such)",
        choices=HEADLINE_KINDS,
    ),
    Field("note", "text", "anything beside base pay, such as 'plus equity and annual bonus'"),
)

EVENT_FIELDS: tuple[Field, ...] = (
    Field("date", "date", "the day it happened, or is planned for", required=True),
    Field("kind", "choice", "what happened (implied by status or round when left out)", choices=EVENT_KINDS),
    Field("status", "choice", "the status the application moved to that day", choices=STATUSES),
    Field("round", "choice", "the kind of interview round", choices=ROUND_KINDS),
    Field("time", "time", "when a round starts, with its time zone, such as '14:30 Europe/London'"),
    Field("minutes", "integer", "how long a round lasts, in minutes"),
    Field("contacts", "slug_list", "the people involved, by slug (files in contacts/)"),
    Field("outcome", "choice", "how a round went", choices=ROUND_OUTCOMES),
    Field("note", "text", "a short note; for a to-do, what to do"),
    Field("due", "date", "for a to-do: the day it is due"),
    Field("done", "date", "for a to-do: the day it was done"),
)
"""One dated event of an application's history; the debrief of a round goes in the body
under a heading with the round's date."""

COMPANY = Kind(
    name="company",
    folder="companies",
    description="A company profile.",
    fields=(
        Field("name", "text", "the company's name as it writes it", required=True),
        Field("website", "url", "the company's home page"),
        Field("headquarters", "text", "city and country of the head office"),
        Field("founded", "year", "year the company was founded"),
        Field("employees", "integer", "number of employees"),
        Field("ticker", "text", "stock ticker, such as 'NASDAQ: ETSY'"),
        Field("industry", "text", "industry or market"),
        Field("tags", "text_list", "tags shown on the page and in the tag index"),
        Field("tech_stack", "text_list", "languages, frameworks and tools the company uses"),
        Field("updated", "date", "when this profile was last brought up to date"),
        _private(False),
    ),
)

POSTING = Kind(
    name="posting",
    folder="postings",
    description="A job posting; its body keeps the posting's text.",
    fields=(
        Field("company", "slug", "slug of the company file in companies/", required=True),
        Field("title", "text", "the job title as posted", required=True),
        Field("role", "slug", "slug of the role family, such as engineering-manager-ml"),
        Field("team", "text", "the team or organisation the role sits in"),
        Field("reports_to", "text", "who the role reports to"),
        Field("team_size", "number_or_text", "size of the team, such as 4-7"),
        Field("level", "number_or_text", "level or seniority, such as Staff or L6"),
        Field("employment", "choice", "kind of contract", choices=EMPLOYMENT_TYPES),
        Field("locations", "text_list", "where the role can be done"),
        Field("work_mode", "choice", "remote, hybrid or onsite", choices=WORK_MODES),
        Field("salary", "mapping", "base pay as posted", fields=SALARY_FIELDS),
        Field("url", "url", "the posting's address"),
        Field("source", "text", "where the posting was found, such as a careers site or job board"),
        Field("posted", "date", "date the posting was published"),
        Field("closes", "date", "date applications close"),
        Field("tags", "text_list", "tags shown on the page and in the tag index"),
        Field("skills", "text_list", "skills the posting asks for"),
        _private(False),
    ),
)

PREP = Kind(
    name="prep",
    folder="prep",
    description="The user's interview preparation for one posting; private unless marked otherwise.",
    fields=(
        Field("posting", "slug", "slug of the posting (defaults to the file name)"),
        _private(True),
    ),
    references="posting",
)

APPLICATION = Kind(
    name="application",
    folder="applications",
    description="The user's application for one posting; private unless marked otherwise.",
    fields=(
        Field("posting", "slug", "slug of the posting (defaults to the file name)"),
        Field("status", "choice", "where the application stands", choices=STATUSES),
        Field("applied", "date", "date the application was sent"),
        Field("updated", "date", "date of the last status change"),
        Field("next_step", "text", "what happens next"),
        Field("next_date", "date", "when the next step is due"),
        Field("source", "choice", "how the application reached them", choices=APPLICATION_SOURCES),
        Field("contacts", "slug_list", "the people involved, by slug (files in contacts/)"),
        Field("events", "mapping_list", "what happened, in order: one entry per event", fields=EVENT_FIELDS),
        _private(True),
    ),
    references="posting",
)

CONTACT = Kind(
    name="contact",
    folder="contacts",
    description="One person of the search: a recruiter, hiring manager, referrer or peer.",
    fields=(
        Field("name", "text", "the person's name", required=True),
        Field("company", "slug", "slug of their company's file in companies/"),
        Field("role", "text", "their job, such as 'Engineering Manager, Ads'"),
        Field("email", "email", "their email address"),
        Field("linkedin", "url", "their LinkedIn page"),
        Field("relation", "choice", "how you know them", choices=CONTACT_RELATIONS),
        Field("last_contact", "date", "when you last spoke or wrote"),
        Field("next_follow_up", "date", "when to get back in touch"),
        _private(True),
    ),
)

STORY = Kind(
    name="story",
    folder="stories",
    description="One story from your own experience, told STAR-wise; private unless marked otherwise.",
    fields=(
        Field("title", "text", "a short name for the story, such as 'Cut warehouse cost 35%'", required=True),
        Field("skills", "text_list", "skills it shows, as postings name them (Python, hiring, A/B testing)"),
        Field("proves", "text_list", "other words of a requirement it answers (stakeholder management)"),
        Field("used", "slug_list", "the postings whose interviews you told it in (files in postings/)"),
        _private(True),
    ),
)

STORY_SECTIONS = ("Situation", "Task", "Action", "Result", "Reflection")
"""The headings of a story's body, in order; a new story starts with them."""
STORY_NEEDS = ("Situation", "Action", "Result")
"""A story without these sections is not yet one to tell (the check warns)."""

CONFIDENCE = ("low", "medium", "high")
"""How ready an answer is, as the user judges it; low comes up first to practise."""

QUESTION = Kind(
    name="question",
    folder="questions",
    description="One interview question with your answer in the body; private unless marked otherwise.",
    fields=(
        Field("question", "text", "the question as an interviewer asks it", required=True),
        Field("tags", "text_list", "behavioural, technical, a role family's slug or a company's slug"),
        Field("asked", "integer", "how many interviews have asked it"),
        Field("practised", "date", "when you last practised the answer aloud"),
        Field("confidence", "choice", "how ready the answer is", choices=CONFIDENCE),
        _private(True),
    ),
)

OFFER_STATUSES: tuple[str, ...] = ("open", "accepted", "declined", "expired", "withdrawn")
"""Where an offer stands; accepted and declined are the application's outcome too."""
EQUITY_KINDS: tuple[str, ...] = ("rsu", "options")
VESTING_FREQUENCIES: tuple[str, ...] = ("monthly", "quarterly", "yearly")
OFFER_YEARS = 4
"""An offer is compared year by year over this many years, and in total."""


def _money(what: str, *more: Field) -> tuple[Field, ...]:
    return (
        Field("amount", "number", what, required=True),
        Field("currency", "currency", "ISO 4217 code of the amount, such as USD", required=True),
        *more,
    )


VESTING_FIELDS: tuple[Field, ...] = (
    Field("years", "integer", "how many years the grant vests over, such as 4", required=True),
    Field("cliff_months", "integer", "months before anything vests; what would have, vests at the cliff"),
    Field("frequency", "choice", "how often a share vests after the cliff", choices=VESTING_FREQUENCIES),
    Field("schedule", "number_list", "percent vesting in each year, such as [25, 25, 25, 25] (even when left out)"),
)
EQUITY_FIELDS: tuple[Field, ...] = (
    Field("kind", "choice", "restricted stock (rsu) or options", choices=EQUITY_KINDS, required=True),
    Field("value", "number", "the grant's value in `currency`; or give `shares` and `price`"),
    Field("shares", "number", "how many shares (or options)", requires=("price",)),
    Field("price", "number", "the price of a share used for the value"),
    Field("price_date", "date", "the day of that price"),
    Field("strike", "number", "options: the price to buy each share at"),
    Field("currency", "currency", "ISO 4217 code of the value and prices", required=True),
    Field("vesting", "mapping", "when the grant vests", fields=VESTING_FIELDS, required=True),
)
OFFER = Kind(
    name="offer",
    folder="offers",
    description="An offer for one posting, with its pay, equity and terms; private unless marked otherwise.",
    fields=(
        Field("posting", "slug", "slug of the posting (defaults to the file name)"),
        Field("status", "choice", "where the offer stands", choices=OFFER_STATUSES, default="open"),
        Field("received", "date", "the day the offer came", required=True),
        Field("deadline", "date", "the day an answer is due"),
        Field(
            "base",
            "mapping",
            "base pay",
            fields=_money("the base pay", Field("period", "choice", "what it pays", choices=PERIODS, required=True)),
            required=True,
        ),
        Field(
            "bonus",
            "mapping",
            "target bonus: a share of base, or an amount",
            fields=(
                Field("target_percent", "number", "the target as a percent of base pay"),
                Field("amount", "number", "the target as an amount a year", requires=("currency",)),
                Field("currency", "currency", "ISO 4217 code of the amount"),
            ),
        ),
        Field(
            "sign_on",
            "mapping",
            "sign-on bonus, paid in year 1",
            fields=_money("the sign-on bonus", Field("clawback_months", "integer", "months it is owed back within")),
        ),
        Field("relocation", "mapping", "relocation, paid in year 1", fields=_money("the relocation amount")),
        Field("equity", "mapping", "restricted stock or options", fields=EQUITY_FIELDS),
        Field("retirement_match_percent", "number", "the employer's retirement match, as a percent of base"),
        Field("pto_days", "number", "paid days off a year"),
        Field("work_mode", "choice", "remote, hybrid or onsite", choices=WORK_MODES),
        Field("locations", "text_list", "where the job is"),
        Field("start", "date", "the start date offered"),
        Field("scores", "score_map", "your scores from 1 to 5 for the criteria of `decision` in the settings"),
        _private(True),
    ),
    references="posting",
)

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (COMPANY, POSTING, PREP, APPLICATION, CONTACT, STORY, QUESTION, OFFER)
}


def showable_figure(value: float) -> bool:
    """Whether a figure read from outside can stand as a salary: finite (JSON's Infinity and a
    400-digit number are not) and no larger than LARGEST_NUMBER."""
    return math.isfinite(value) and 0 < value <= LARGEST_NUMBER

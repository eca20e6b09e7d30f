"""Reading a posting's facts from its text: title, company, locations, work mode, team, dates.

Each reader returns what the text states, or None: a field it cannot find is left empty,
never filled with a guess presented as fact. Where a value is inferred rather than stated,
the reader says so, and the importer marks it in the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import dateparser

from roledex.importer.place_currency import is_known_place, names_a_place
from roledex.importer.places import NOT_REMOTE, PLACE_NOTE, split_places
from roledex.kb.countries import is_country

GENERIC_HEADINGS = frozenset(
    (
        "company description",
        "job description",
        "about us",
        "about the company",
        "about the role",
        "overview",
        "the role",
        "description",
        "summary",
        "who we are",
        "job summary",
        "position summary",
        "responsibilities",
        "requirements",
        "qualifications",
        "what you'll do",
        "what we offer",
        "benefits",
        "job details",
        "details",
        "about",
        "apply",
        "role",
        "position",
        "location",
        "locations",
        "salary",
        "salary expectation",
        "compensation",
        "skills",
        "contact",
        "how to apply",
        "local",
        "alocação",
        "regime",
        "nível",
        "descrição da vaga",
        "nossa empresa",
        "benefícios",
        "requisitos",
        "contratação",
        "como se candidatar",
        "sobre nós",
        "sobre a vaga",
        "über uns",
        "deine aufgaben",
        "dein profil",
        "wir bieten",
        "à propos",
        "missions",
        "profil recherché",
        "descripción",
        "beneficios",
        "sobre nosotros",
    )
)
"""Section headings of a posting, in the languages postings arrive in: never a company or a title."""
PAGE_HEADINGS = frozenset(
    (
        "open roles",
        "open positions",
        "job openings",
        "current openings",
        "we're hiring",
        "we are hiring",
        "now hiring",
        "hiring",
        "careers",
        "jobs",
        "join us",
        "join our team",
    )
)
"""Headings of the page a posting sits on, above the role's own: never a title or a company."""
_LINK = re.compile(r"\[([^\[\]]+)\]\((https?://[^)\s]+)\)")
"""A link; its text holds no bracket, as in Markdown (tried from each `[` of `[[[...`, it took minutes)."""
_BOARD_SUFFIX = re.compile(
    r"(?<!\s)\s*+(?:[|–—-]\s*+(?:LinkedIn|Indeed(?:\.com)?|Glassdoor|Greenhouse|Lever|Workday|"
    r"Wellfound|AngelList|Otta|Welcome to the Jungle|StepStone|Seek|Naukri(?:\.com)?)\b.*)$",
    re.I,
)
_COMPANY_SUFFIX = re.compile(
    r"(?:,\s++|(?<![\s,])\s++)(?:Inc\.?|LLC|LLP|Ltd\.?|Limited|GmbH(?: & Co\. KG)?|"
    r"& Co\.(?: KG(?:aA)?| OHG)?|Corp\.?|Corporation|Co\.|plc|PLC|S\.A\.S?\.?|SA|"
    r"AG|SE|KG|e\.V\.|B\.V\.|BV|N\.V\.|NV|Pty\.? Ltd\.?|Pte\.? Ltd\.?|Pvt\.? Ltd\.?|Sdn\.? Bhd\.?|SAS|SASU|"
    r"SARL|S\.L\.U?\.?|S\.r\.l\.|S\.p\.A\.|Ltda\.?|Sp\. z o\.o\.|AB|ASA|A/S|ApS|AS|Oy|K\.K\.)$",
    re.I,
)
_ARTICLE = re.compile(r"^(?:(?:Die|Der|Das|La|Le|El|Het|A|O)\s+|L['’])(?=[A-Z])")
"""An article that starts a sentence before a company's name: 'Die Nordlicht GmbH ist ...'."""
_NOT_COMPANY = frozenset(
    {
        "This",
        "It",
        "We",
        "Our",
        "The",
        "You",
        "There",
        "That",
        "Who",
        "What",
        "Job",
        "Company",
        "Role",
        "Team",
        "Position",
        "Candidate",
        "Applicant",
        "Everyone",
        "Apply",
    }
)
_NAME = r"[A-Z][\w&.'’\-]{0,40}(?:\s(?:[A-Z][\w&.'’\-]{0,40}|&|of|and|de|la)){0,7}"
"""A name of up to eight words (a company's has at most four) of up to 41 characters each:
unbounded, a line of thousands of capitalised words, or one word of thousands of parts
('Acme-Acme-...'), was read again from each of them."""


T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value read from the text and how: `inferred` explains a value the text implies only."""

    value: T
    inferred: str = ""


def _clean_heading(line: str) -> str:
    text = _LINK.sub(r"\1", line).strip().lstrip("#").strip()
    text = re.sub(r"[*_`]+", "", text).strip()
    return _BOARD_SUFFIX.sub("", text).strip()


_JUNK = re.compile(
    r"^(?:skip to (?:main )?content|back to (?:all )?(?:jobs|search|results|openings)|"
    r"apply(?: now| here)?|share(?: this job)?|save(?: job)?|careers?|jobs|home|menu|sign in|"
    r"log ?in|search jobs|"
    r"view all jobs|easy apply|promoted|actively recruiting|new)$",
    re.I,
)


_IMAGE_ONLY = re.compile(r"^(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+$|^<img\b[^>]*>$", re.I)
"""A line that is only a picture: a careers page's logo above its title."""


def _lines(text: str) -> list[str]:
    """The text's non-empty lines, less a careers page's navigation words (Skip to content,
    Apply...) and pictures (its logo)."""
    lines = (line.strip() for line in text.split("\n"))
    return [line for line in lines if line and not _IMAGE_ONLY.match(line) and not _JUNK.match(_clean_heading(line))]


def first_line(text: str) -> str:
    """The first line that says something: not navigation, not a logo."""
    return next(iter(_lines(text)), "")


_ABBREVIATION_END = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z]|\.[A-Za-z])\.$")
"""A name that ends in its own full stop: 'Acme Inc.', 'Acme Co.', 'J.P.' (not a sentence's)."""


def _sentence_stops(name: str) -> list[re.Match[str]]:
    """The full stops in a name read across sentences that end a sentence, not an abbreviation."""
    return [stop for stop in re.finditer(r"\.(?=\s|$)", name) if not _ABBREVIATION_END.search(name[: stop.end()])]


def _sentence_end(name: str) -> str:
    """A name read up to a sentence's full stop, without it: 'Stark Industries.' and 'Stark
    Industries. Stark' are 'Stark Industries'; 'Acme Inc.' and 'Acme Inc. Group' keep their own."""
    stops = _sentence_stops(name)
    return name[: stops[0].start()] if stops else name


def _sentence_start(name: str) -> str:
    """A name read back from a verb, from the start of the verb's sentence: 'Data Engineer. Zeta'
    before 'is hiring' is 'Zeta'; 'Acme Inc. Group' keeps its own full stop."""
    stops = _sentence_stops(name)
    return name[stops[-1].end() :].strip() if stops else name


_BACKERS = re.compile(r"(?<!\s)\s*+\((?:YC|Y Combinator)[^)]*\)")


def without_backers(text: str) -> str:
    """A name or a line without a company's backers in brackets: 'NovaAI (YC W24)' -> 'NovaAI'."""
    return _BACKERS.sub("", text).strip()


_LEGAL_PREFIX = r"(?:\(주\)|㈜)\s*+|(?:주식회사|(?i:công ty(?: tnhh| cổ phần| cp)?))\s++"
_FORM_AROUND = re.compile(rf"^(?:{_LEGAL_PREFIX})(?=\S)|(?<=\S)(?:\s*+(?:\(주\)|㈜)|\s++주식회사)$")
"""A legal form Korean and Vietnamese write before a company's name (and Korean after it too):
'(주)카카오', '주식회사 당근마켓', 'Công ty TNHH ABC'."""
_FORM_BEFORE = re.compile(rf"(?:^|(?<=\s))(?:{_LEGAL_PREFIX})$")


def company_name_of(text: str) -> str:
    """A company's name without its legal form or its backers: 'Etsy Inc.' -> 'Etsy', 'NovaAI
    (YC W24)' -> 'NovaAI', '(주)카카오페이' -> '카카오페이'."""
    return _FORM_AROUND.sub("", _COMPANY_SUFFIX.sub("", without_backers(text)).strip()).strip()


def written_with_legal_form(line: str, name: str) -> bool:
    """True when `line` writes `name` with a company's legal form after it ('Data Engineer -
    Foo GmbH') or begins it with one ('Công ty ABC'): a name so written is a company's, not a team's."""
    if _FORM_AROUND.match(name) and name in line:
        return True
    for match in re.finditer(re.escape(name), line):
        if _FORM_BEFORE.search(line[: match.start()]):
            return True
        rest = re.split(r"\s[-–—|·/]\s|[()\[\]]", line[match.end() :])[0].rstrip()
        if rest and _COMPANY_SUFFIX.fullmatch(rest):
            return True
    return False


_TAG = re.compile(r"^(?:\[[^\]\n]{1,25}\]|\((?:we'?re )?hiring\))\s*", re.I)
"""A tag before a title line ('[Hiring]', '(Hiring)'): never part of the title."""
_TERM = (
    r"(?:100\s*%\s*)?(?:remote|remot[oa]|hybrid|h[íi]brid[oa]|presencial|on-?site)|clt|pj|full[- ]?time|part[- ]?time"
    r"|freelance|contract|internship|est[áa]gio|cdi|cdd"
)
_TERM_GAP = r"[\s\-|/,·–—]"
TERMS_OF_WORK = re.compile(rf"{_TERM_GAP}*(?:{_TERM})(?:{_TERM_GAP}+(?:{_TERM}))*{_TERM_GAP}*", re.I)
"""Words that say how the work is done and hired for, and nothing else: 'Remoto - CLT',
'Full-time', 'Hybrid | PJ' (no company, no title; `fullmatch` it)."""
HIRING = re.compile(
    r"^(?:(?:tuyển(?:\s+dụng)?|tuyen\s+dung|(?:estamos\s+)?contratando|contratamos|se\s+busca|buscamos|"
    r"wir\s+stellen\s+ein|ищем|требуется|требуются|в\s+поиске)\s*[:：\-–!]?\s+|(?:(?:we'?re|we\s+are|now)\s+hiring|hiring|recrutement)(?:\s*[:：!]|\s+[-–])\s*|"
    r"hiring\s+(?=[^\s\-–—|:/]+\s+[^\s\-–—|:/(]+)|(?:招聘|诚聘|誠聘|急招|急聘|徵才)\s*[:：]?\s*)(?=\S)",
    re.I,
)
"""A word for 'recruiting' before the role: 'Tuyển Front-end Developer', 'Hiring: Staff Engineer',
'Hiring Backend Engineer', '招聘：前端工程师'; but 'Hiring Manager' is a role."""
_TRAILING_NOTE = re.compile(r"(?<!\s)\s*+\(([^()\n]{2,60})\)\s*$")
_GENDER_NOTE = re.compile(r"^(?:[mwfdxh]|all genders?|div|gn\*?)(?:\s*[/|,]\s*(?:[mwfdxh]|div|i))*$", re.I)
"""'(m/f/d)', '(all genders)': the note German and other postings add to a title."""


def title_from_text(text: str) -> tuple[Found[str] | None, str | None, str | None]:
    """(title, url of the title's link, company named beside it) from the top of the text."""
    for line in _lines(text)[:6]:
        is_heading = line.startswith("#")
        heading = _clean_heading(line)
        tag = _TAG.match(heading)
        cleaned = HIRING.sub("", heading[tag.end() :] if tag else heading)
        if tag and heading.startswith("[") and TERMS_OF_WORK.fullmatch(cleaned):  # '[Python Dev] - Remoto - CLT'
            cleaned = heading[1 : heading.index("]")].strip()
        if cleaned.lower().rstrip(":?!.") in PAGE_HEADINGS:
            continue
        if not cleaned or cleaned.lower().rstrip(":?") in GENERIC_HEADINGS:
            if is_heading or cleaned.lower().rstrip(":?") in GENERIC_HEADINGS:
                break
            continue
        if not is_heading and (len(cleaned) > 90 or cleaned.endswith((".", ":")) or ":" in cleaned):
            break
        link = _LINK.search(line)
        company = None
        application = re.match(r"(?:Job Application for|Apply for)\s+(.+?)\s+at\s+(.+)$", cleaned, re.I)
        at_company = re.match(rf"(.+?)\s+(?:at|@)\s+({_NAME})$", _TRAILING_NOTE.sub("", cleaned))
        if application:
            cleaned, company = application.group(1), application.group(2)
        elif at_company and len(at_company.group(2).split()) <= 4:
            cleaned, company = at_company.group(1), at_company.group(2)
        return Found(cleaned), link.group(2) if link else None, company
    return None, None, None


_SEEKING = re.compile(
    r"(?:is|are)\s+(?:looking for|seeking|hiring|searching for|recruiting)\s+an?\s+"
    r"(?:talented\s+|driven\s+|experienced\s+|passionate\s+|and\s+)*"
    r"(?P<title>[A-Z][\w/&+\-]*(?:[ ,][A-Z&][\w/&+\-]*){0,7})"
    r"(?:\s+to\s+(?:join|lead)\s+(?:our|the)\s+(?P<team>[A-Z][\w&/\-]*(?:\s[A-Z][\w&/\-]*){0,3})\s+team)?"
)


def title_from_sentence(text: str) -> Found[str] | None:
    """'X is looking for a Machine Learning Engineer to join our Growth team' -> the title."""
    match = _SEEKING.search(text)
    if not match:
        return None
    title = match.group("title").strip(" ,")
    if match.group("team"):
        return Found(f"{title}, {match.group('team')}", f"from the sentence {match.group(0)[:90]!r}")
    return Found(title, f"from the sentence {match.group(0)[:90]!r}")


_ABOUT = rf"(?:About|Über|À propos de|Acerca de|Sobre|Over|Om|Chi è)\s+({_NAME})"
"""A heading about the company: 'About Acme' names it ('About us', 'About you' do not)."""
_VOTES: tuple[tuple[str, int, Callable[[str], str]], ...] = (
    (rf"\b({_NAME})\s+(?:is|are)\s+(?:looking for|seeking|hiring|searching for)", 2, _sentence_start),
    (
        rf"\b({_NAME})\s+(?:est[áa] (?:contratando|buscando|à procura)|busca|recrute|recherche|sucht|zoekt|"
        r"szuka|cerca|rekryterar)\b",
        2,
        _sentence_start,
    ),
    (rf"\bAt\s+({_NAME}),\s+(?:we|our)\b", 1, _sentence_end),
    (
        rf"\b(?:Chez|Bei|Bij|Presso|Na|En)\s+({_NAME}),?\s+(?:nous|wir|werken we|bouwen we|somos|buscamos|"
        r"estamos|nós|siamo|creamos|construimos|construisons|bauen wir|entwickeln wir)\b",
        2,
        _sentence_end,
    ),
    (rf"©\s*(?:\d{{4}}\s+)?({_NAME}?)(?:[.,]?\s+All rights|\s*$)", 2, _sentence_end),
    (rf"\b({_NAME})\s+is\s+(?:a|an)\s+(?:proud\s+)?equal opportunity employer", 2, _sentence_start),
    (rf"(?m)^[^\w\n]*(?:Why|Life at|Working at)\s+({_NAME})\??\s*$", 2, _sentence_end),
    (rf"\bjoin(?:ing)?\s+(?:the team at|us at)\s+({_NAME})", 1, _sentence_end),
    (  # a heading about the company, and the sentence under it that names it: 'About Company' / 'Merit is a ...'
        rf"(?m)^[^\w\n]*(?i:About (?:the )?(?:company|us)|Company|Sobre (?:a empresa|nós)|"
        rf"Acerca de (?:la empresa|nosotros)|Über uns|À propos)[^\w\n]*(?:\n[^\w\n]*)+"
        rf"({_NAME})\s+(?:is|was|are|é|es|ist|est)\s",
        2,
        _sentence_start,
    ),
    (
        rf"(?:^|\n)({_NAME})\s+is\s+(?:a|an|the)\s+(?!plus\b|must\b|bonus\b|nice\b|big plus)\w",
        1,
        _sentence_start,
    ),
    (
        rf"(?:^|\n)({_NAME})\s+(?:ist|est|es|é|is|jest|är|è)\s+(?:ein|eine|einer|un|une|una|uma|um|een|il|la|"
        r"lo|o|en|ett)\s+\w",
        1,
        _sentence_start,
    ),
)
"""The sentences that name a company, how much each vote weighs, and which side of a name read
across a full stop is the company's: the side next to the words that name it."""


def company_from_text(text: str, after_title: bool) -> Found[str] | None:
    """The company: the line under a board's title, an 'About X' heading, or a sentence's subject."""
    lines = [line for line in _lines(text) if _clean_heading(line).lower().rstrip(":?!.") not in PAGE_HEADINGS]
    if after_title and len(lines) > 1:
        second = _clean_heading(lines[1])
        dotted = _dotted(lines[1])
        if dotted:
            return Found(company_name_of(dotted.group("company")))
        dashed = _company_dash_place(lines[1]) or _company_comma_place(lines[1])
        if dashed:
            return Found(company_name_of(dashed[0]))
        at_line = re.fullmatch(rf"at\s+({_NAME})", second)
        if at_line:
            return Found(company_name_of(at_line.group(1)))
        short = 0 < len(second.split()) <= 5 and second.lower() not in GENERIC_HEADINGS
        short = short and re.match(_ABOUT, second) is None  # 'About Acme' is read below, 'About You' never
        is_name = re.fullmatch(rf"{_NAME}", second) is not None
        named_again = is_name and text.count(second) >= 2
        if short and is_name and (lines[1].startswith("#") or named_again) and not re.search(r"\d|:", second):
            return Found(company_name_of(second))
    about = re.search(rf"^(?:#+\s*)?{_ABOUT}\s*$", text, re.M)
    if about and about.group(1).split()[0] not in _NOT_COMPANY and about.group(1).lower() not in ("us", "you"):
        return Found(company_name_of(about.group(1)))
    votes: dict[str, int] = {}
    for pattern, weight, read in _VOTES:
        for match in re.finditer(pattern, text):
            written = _ARTICLE.sub("", read(match.group(1)))
            name = company_name_of(written)
            legal_form = 1 if name != written else 0  # 'Nordlicht Logistik GmbH' names a company for sure
            is_team = re.search(rf"\b{re.escape(name)}\s+team\b", text, re.I) is not None
            if name and name.split()[0] not in _NOT_COMPANY and len(name.split()) <= 4 and not is_team:
                votes[name] = votes.get(name, 0) + weight + legal_form
    if not votes:
        return None
    name = max(votes, key=lambda n: (votes[n], text.count(n)))
    return Found(name) if votes[name] >= 2 or text.count(name) >= 2 else None


_LINKEDIN = re.compile(
    r"^(?P<company>[^·•|]{2,60}?)\s+[·•|]\s+(?P<place>[^·•|(]{2,80}?)"
    r"(?:\s*\((?P<mode>hybrid|remote|on-?site)\))?(?:\s+[·•|]\s*(?P<then>hybrid|remote|on-?site)\b)?(?:\s+[·•|].*)?$",
    re.I,
)


def _dotted(line: str) -> re.Match[str] | None:
    """A board's 'Company · Place (Mode)' line; not 'Hamburg · Hybrid · Full-time', whose second
    part is no place (a mode, an employment type, hours), so whose first part is the place."""
    match = _LINKEDIN.match(_clean_heading(line))
    return match if match and split_places([match.group("place")])[0] else None


_DASHED = re.compile(r"^(?P<company>[^-–—|]{2,60}?)\s+[-–—|]\s+(?P<place>[^-–—|]{2,80})$")


def _company_comma_place(line: str) -> tuple[str, str] | None:
    """(company, place) of a line under the title such as 'Globex, Amsterdam': the part after
    the comma is a country or a city roledex knows, the part before a name that is not one."""
    match = re.fullmatch(rf"({_NAME}),\s*([A-Z][\w.'’\- ]{{1,40}})", _clean_heading(line))
    if match is None:
        return None
    company, place = match.group(1).strip(), match.group(2).strip()
    if not is_known_place(place) or is_known_place(company) or _COMPANY_SUFFIX.fullmatch(f" {place}"):
        return None
    return company, place


def _is_place_line(line: str) -> bool:
    """'Berlin, Germany' on a line of its own: capitalised words, the last part a known place."""
    cleaned = _clean_heading(line)
    words = all(re.fullmatch(r"[A-Z][\w.'’\- ]{1,40}", part.strip()) for part in cleaned.split(","))
    return words and names_a_place(cleaned)


def _company_dash_place(line: str) -> tuple[str, str] | None:
    """(company, place) of a line under the title such as 'Kiranam Retail Pvt. Ltd. - Bengaluru,
    Karnataka, India': the place has a comma ('City, Region'), the company is a name."""
    match = _DASHED.match(_clean_heading(line))
    if not match:
        return None
    company, place = match.group("company").strip(), match.group("place").strip()
    if "," not in place or not _PLACE.fullmatch(place) or re.search(r"\d", place) or ":" in company:
        return None
    if not re.fullmatch(_NAME, company) or len(company.split()) > 6:
        return None
    return company, place


_META_LINE_WORDS = 10


def _meta_line(line: str) -> str | None:
    """A short line near the top that states a work mode beside a place ('Remoto (Brasil)',
    'Lyon, France - Télétravail partiel', 'Hamburg · Hybrid · Vollzeit') or lists a place with
    what is no place ('Utrecht | 32-40 uur per week'), as it stands."""
    cleaned = _clean_heading(line)
    if len(cleaned.split()) > _META_LINE_WORDS or ":" in cleaned or cleaned.endswith("."):
        return None
    places, mode = split_places([cleaned])
    listed = len(re.split(r"\s[·•|]\s", cleaned))
    return cleaned if places and (mode or len(places) < listed) else None


_LOCATION_LABEL = re.compile(
    r"^(?:[^\w\n]{0,3}[^\S\n]*)?(?:locations?|job location|based in|city|where|lieu|standort|arbeitsort|"
    r"ubicaci[oó]n|localiza[cç][aã]o|sede|plaats|ort|lokalizacja|miejsce pracy|localit[àa]|sede di lavoro|"
    r"locatie|standplaats|werklocatie|localisation|emplacement|ville|ciudad|lugar|lugar de trabajo|"
    r"local de trabalho|local|cidade|plats|miasto|город|место работы|локация|địa điểm|nơi làm việc|"
    r"地點|地点|工作地點|工作地点|勤務地|所在地|근무지|근무 ?지역|근무 ?장소|위치)"
    r"(?:\*\*|__)?\s*[:：]\s*(.+)$",
    re.I | re.M,
)
_LOCATION_ALONE = re.compile(
    r"^[^\w\n]{0,3}[^\S\n]*(?:[Ll]ocations?|[Jj]ob [Ll]ocation|LOCATIONS?|Local|Localiza[cç][aã]o|Ubicaci[oó]n|"
    r"Lugar|Standort|工作地點|工作地点|地點|地点|勤務地)(?:\s*\(MUST\))?[^\w\n]{0,3}[^\S\n]*(?:\n[^\S\n]*)+(?:[-*•]\s+)?"
    r"([^\n]{2,80}(?:\n[ \t]*(?:[-*•][ \t]+)?[A-Z\u4e00-\u9fff][^\n:]{1,79}){0,4})$",
    re.M,
)
"""A label on its own line and the places under it, one a line (Workday: 'locations' /
'Seattle, WA' / 'San Francisco, CA'), up to the blank line."""
_GLOBE = re.compile(r"(?:🌎|🌍|🌏|📍)\s*([^`\n|\U0001F300-\U0001FAFF\u2600-\u27BF]+)")
"""A board's globe or pin before its places, up to the next pictograph: '📍HCMC/Hybrid 🌟...'."""
_BASED_IN = re.compile(
    r"candidates\s+(?:based|located|living)\s+in\s+(?:the\s+)?(?P<loc>[A-Z][\w.'\- ]*?[A-Za-z])"
    r"(?=[.,;]|\s+or\s|\s+and\s|$)",
    re.M,
)


_LETTER = re.compile(r"[^\W\d_]")


def _split_places(text: str) -> list[str]:
    text = re.sub(r"(?m)^[^\S\n]*[-*•]\s+", "", text)  # a list under the label: one place an item
    parts = re.split(r";|\||/|\sor\s|\s·\s|•|\n", text.strip().strip("`*_ ."))  # pieces stripped below
    # not a sentence, and not a mark left over (';)' after a sentence): a place has letters
    places = [
        p.strip() for p in parts if _LETTER.search(p) and len(p) <= 80 and len(PLACE_NOTE.sub("", p).split()) <= 5
    ]  # its note is no word of it
    return [city for place in places for city in _cities_listed(place)]


def _cities_listed(place: str) -> list[str]:
    """'Berlin, Munich, Hamburg' as three places when each is a city roledex knows and none is
    a country; any other place as written ('Portland, Oregon', 'Berlin, Germany')."""
    parts = [part.strip() for part in place.split(",")]
    if len(parts) > 2 and all(is_known_place(part) and not is_country(part, any_language=True) for part in parts):
        return parts
    return [place]


_PLACE = re.compile(
    r"[A-Z][\w.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’\- ]{1,40}){1,3}(?:\s*\((?:remote|hybrid|on-?site)\))?", re.I
)


def _title_line_places(line: str) -> list[str]:
    """The place in a title line's closing note ('... at Globex (Amsterdam, hybrid)'), its
    work mode kept beside it for the mode's reader; [] for any other note ('(m/f/d)')."""
    note = _TRAILING_NOTE.search(_clean_heading(line))
    if note is None or _GENDER_NOTE.match(note.group(1).strip()):
        return []
    written = note.group(1).strip()
    places, mode = split_places([written])
    if not places or any(re.search(r"\d", place) or not _PLACE_WORDS.fullmatch(place) for place in places):
        return []
    if mode is None and "," not in written and not is_country(written, any_language=True):
        return []  # '(Python)', '(Senior)': a note, not a place
    return [written]


_PLACE_WORDS = re.compile(r"[A-Z][\w.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’\- ]{1,40}){0,3}")


def located_near_top(text: str, company: str | None = None) -> Found[list[str]] | None:
    """Where the role is, by the lines at the top: a board's dotted or dashed line under the title,
    the line under the company's, a place in the title line's closing note, a meta line."""
    top = [line for line in _lines(text) if _clean_heading(line).lower().rstrip(":?!.") not in PAGE_HEADINGS][:5]
    for line in top[1:3]:
        dotted = _dotted(line)
        if dotted:
            return Found([dotted.group("place").strip()])
    if len(top) > 2 and top[2].rstrip().endswith(" /") and not _JUNK.match(top[1]):
        return Found([_clean_heading(top[1])])  # Lever: title, location, "Team /", "Full-time /"
    for above, line in zip(top[0:4], top[1:5], strict=False):  # 'Developer at Kaspi.kz' / 'Almaty, Kazakhstan'
        place = _clean_heading(line)
        names_company = company and company.lower() in _clean_heading(above).lower()
        if names_company and _PLACE.fullmatch(place) and not re.search(r"\d", place):
            return Found([place])
    noted = _title_line_places(top[0]) if top else None
    if noted:
        return Found(noted)
    dashed = (_company_dash_place(top[1]) or _company_comma_place(top[1])) if len(top) > 1 else None
    if dashed:
        return Found([dashed[1]])
    if len(top) > 1 and _is_place_line(top[1]):
        return Found([_clean_heading(top[1])])
    for line in top[1:4]:
        meta = _meta_line(line)
        if meta:
            return Found([meta])
    return None


def located_by_label(text: str) -> Found[list[str]] | None:
    """Where the role is, as a label states it ('Location: Berlin', a heading and a list under
    it) or a board's globe line ('🌍 Remote, EU')."""
    for pattern in (_LOCATION_LABEL, _LOCATION_ALONE, _GLOBE):
        match = pattern.search(text)
        if match:
            places = _split_places(match.group(1))
            if places:
                return Found(places)
    return None


def located_in_sentence(text: str) -> Found[list[str]] | None:
    """Where the role is, as a sentence says it: 'candidates based in Portugal'."""
    based = _BASED_IN.search(text)
    return Found([based.group("loc").strip()]) if based else None


_HYBRID = re.compile(
    r"\bhybrid\b(?!\s+(?:cloud|infrastructure|apps?|applications?|mobile|search|vehicles?|solutions?|systems?|"
    r"architectures?|environments?|approach|models? of|integration|storage|retrieval|methods?))|"
    r"(?:office|on[- ]?site|in[- ]person|presence)[^.\n]{0,80}?\b(?:once|twice|one|two|three|four|\d)\b"
    r"[^.\n]{0,25}?(?:per|a|each|every)\s+week|\b(?:one|two|three|four|\d)\s+days?\s+(?:per|a|each)\s+week\s+"
    r"(?:in|at|from)\s+(?:the|our)\s+office|hybrides?\s+arbeiten|t[ée]l[ée]travail partiel|modalidad h[ií]brida|"
    r"\bhybride\b|(?<!mobile )(?<!apps )(?<!app )(?<!desenvolvimento )(?<!aplicativos )"
    r"\bh[íi]brid[oa]s?\b(?!\s+em\s+\w)|混合办公|混合辦公|"
    r"\b(?:one|two|three|four|\d)\s+days?\s+(?:a|per|each)\s+week\s+(?:from|at)\s+home\b|"
    r"\bfrom\s+home\s+(?:one|two|three|four|\d)\s+days?\s+(?:a|per|each)\s+week\b|"
    r"\b(?:work|working)\s+from\s+home\s+(?:one|two|three|four|\d)\s+days?\b|"
    r"하이브리드|주\s?\d\s?(?:회|일)\s?재택|부분\s?재택|출근\s?병행|гибридн(?:ый|ая|ом)|\bгибрид\b",
    re.I,
)
_REMOTE = re.compile(
    r"\b(?:fully|100 ?%|completely|entirely|full)\s+remote(?:\b|(?=[A-Z]))|t[ée]l[ée]travail (?:complet|total|à 100)|"
    r"全遠端|全远程|遠端工作|远程工作|远程办公|遠程辦公|フルリモート|完全リモート|(?:풀|전면|완전|100%)\s?재택|재택\s?근무|원격\s?근무|"
    r"(?:полностью\s+)?удал[её]нн?о\b|удал[её]нная работа|удал[её]нка|"
    r"(?:principalement|enti[èe]rement|100 ?%) (?:à distance|en t[ée]l[ée]travail)|\bremot[oa]\b|"
    r"vollst[äa]ndig remote|\bremote[- ]first\b|\bwork from anywhere\b|"
    r"\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:fully\s+)?remote\b|"
    r"^[^\w\n]{0,3}[^\S\n]*(?:work(?:place|ing)?\s*(?:type|mode|model|arrangement)?\s*:\s*)?remote\b",
    re.I | re.M,
)
_ONSITE = re.compile(
    r"\b(?:on[- ]?site|in[- ]office|office[- ]based)\s+(?:role|position|job)\b|"
    r"\b(?:five|5)\s+days\s+(?:a|per)\s+week\s+in\s+(?:the\s+)?office\b|"
    r"^[^\w\n]{0,3}[^\S\n]*(?:work(?:place|ing)?\s*(?:type|mode|model)?\s*:\s*)?on[- ]?site\b|"
    r"\bthis (?:role|position) is (?:based )?on[- ]?site\b|"
    r"\b(?:de forma|em modelo|modelo|regime|trabalho|atua[çc][ãa]o|100\s*%)\s+presencial\b",
    re.I | re.M,
)


def work_mode_from_text(text: str, locations: list[str]) -> Found[str] | None:
    """Hybrid, remote or onsite, from what the text says about where the work happens."""
    for line in _lines(text)[1:3]:
        dotted = _dotted(line)
        said = dotted and (dotted.group("mode") or dotted.group("then"))  # 'Acme · Berlin (Hybrid)', '... · On-site'
        if said:
            mode = said.lower().replace("-", "")
            return Found("onsite" if mode == "onsite" else mode)
    if _HYBRID.search(text):
        return Found("hybrid")
    if NOT_REMOTE.search(text):
        return Found("onsite")
    if _REMOTE.search(text) or any(re.fullmatch(r"remote\b.*", p, re.I) for p in locations):
        return Found("remote")
    if _ONSITE.search(text):
        return Found("onsite")
    return None


def team_from_text(text: str) -> Found[str] | None:
    match = re.search(r"\b[Jj]oin\s+(?:our|the)\s+(?P<team>[A-Z][\w&/\-]*(?:\s[A-Z][\w&/\-]*){0,3})\s+team\b", text)
    return Found(match.group("team")) if match else None


EMPLOYMENT = (
    ("internship", r"\bintern(?:ship)?\b|\bpraktikum\b|\bstage (?:de fin|conventionn)|\bpr[áa]cticas\b|\best[áa]gio\b"),
    ("part-time", r"\bpart[- ]time\b|\bteilzeit\b|\btemps partiel\b|\btiempo parcial\b|\bmeio per[íi]odo\b"),
    (
        "contract",
        r"\b(?:contract(?:or)?|freelance|fixed[- ]term)\s+(?:role|position|basis|job)\b|\bfreiberuflich\b|"
        r"\bfreelance\b|\bindépendant\b",
    ),
    ("temporary", r"\btemporary\s+(?:role|position|job)\b|\bbefristet\b|\bCDD\b"),
    (
        "full-time",
        r"\bfull[- ]time\b|\bvollzeit\b|\btemps plein\b|\bCDI\b|\btiempo completo\b|\bjornada completa\b|"
        r"\btempo integral\b|\btempo pieno\b|\bvoltijd\b",
    ),
)


def employment_from_text(text: str) -> Found[str] | None:
    for name, pattern in EMPLOYMENT:
        if re.search(pattern, text, re.I):
            return Found(name)
    return None


_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_DATE = (
    r"(\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})"
)


def written_date(text: str) -> dt.date | None:
    """A date as people write it; None when it is ambiguous (03/04/2026) or no date."""
    text = text.strip().rstrip(".,")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    day_month = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", text)
    month_day = re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", text)
    numeric = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    try:
        if day_month and day_month.group(2)[:3].lower() in _MONTHS:
            return dt.date(int(day_month.group(3)), _MONTHS[day_month.group(2)[:3].lower()], int(day_month.group(1)))
        if month_day and month_day.group(1)[:3].lower() in _MONTHS:
            return dt.date(int(month_day.group(3)), _MONTHS[month_day.group(1)[:3].lower()], int(month_day.group(2)))
        if numeric:
            first, second = int(numeric.group(1)), int(numeric.group(2))
            if first > 12 >= second:
                return dt.date(int(numeric.group(3)), second, first)
            if second > 12 >= first:
                return dt.date(int(numeric.group(3)), first, second)
    except ValueError:
        return None
    return None


DATE_LANGUAGES = ["en", "de", "fr", "es", "pt", "it", "nl"]
"""Languages a date is read in: those postings arrive in."""
_POSTED = (
    r"date posted|posted on|posted|published on|published|posting date|publi[ée]e? le|publi[ée]e?|mis en ligne le|"
    r"ver[öo]ffentlicht am|ver[öo]ffentlicht|erstellt am|fecha de publicaci[óo]n|publicado el|publicado em|"
    r"publicado|data de publica[çc][ãa]o|pubblicato il|pubblicato|geplaatst op"
)
_CLOSES = (
    r"closing date|closes on|closes|apply by|application deadline|deadline|applications close|date limite|"
    r"bewerbungsfrist|bewerbungsschluss|fecha l[íi]mite|prazo|scadenza"
)
_RELATIVE = re.compile(
    r"\b(?:(?:\d+|an?|one)\s+(?:minute|hour|day|week|month)s?\s+ago|just now|today|yesterday|"
    r"il y a \d+ (?:jours?|semaines?|mois|heures?)|vor \d+ (?:Tag(?:en)?|Wochen?|Monat(?:en)?|Stunden?)|"
    r"hace \d+ (?:d[íi]as?|semanas?|meses?|horas?)|h[áa] \d+ (?:dias?|semanas?|meses?|horas?))\b",
    re.I,
)


def dated_phrase(phrase: str, today: dt.date, future: bool = False) -> dt.date | None:
    """The date a phrase states, absolute or relative to `today`, in any of DATE_LANGUAGES;
    None for no date or an ambiguous one (03/04/2026, 'November 2026')."""
    phrase = phrase.strip().rstrip(".,;")
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{4}", phrase):
        return written_date(phrase)
    settings: dict[str, Any] = {
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["day", "month"],
    }
    words = phrase.split()
    for end in range(min(len(words), 6), 0, -1):
        parsed = dateparser.parse(" ".join(words[:end]), languages=DATE_LANGUAGES, settings=settings)
        if parsed is not None:
            return parsed.date()
    return None


def _labelled_date(text: str, labels: str, today: dt.date, future: bool) -> Found[dt.date] | None:
    for match in re.finditer(
        rf"(?:^|\W)(?:{labels})\b\s*(?:on|le|am|el|em|il|op)?\s*[:：]?\s*([^\n|•·]{{1,40}})", text, re.I
    ):
        found = dated_phrase(match.group(1), today, future)
        if found is not None:
            return Found(found)
    return None


def posted_from_text(text: str, today: dt.date | None = None) -> Found[dt.date] | None:
    """The day the posting went up: after a label, or a relative phrase ('3 days ago') near the top."""
    day = today or dt.date.today()
    top = "\n".join(text.split("\n")[:12])
    relative = _RELATIVE.search(top)
    found = dated_phrase(relative.group(0), day) if relative else None
    if found is not None:
        return Found(found, "relative to the day of the import")
    return _labelled_date(text, _POSTED, day, future=False)


def closes_from_text(text: str, today: dt.date | None = None) -> Found[dt.date] | None:
    return _labelled_date(text, _CLOSES, today or dt.date.today(), future=True)


_JOB_PATH = re.compile(r"job|career|apply|position|opening|vacanc|greenhouse|lever\.co|workday|ashby|recruit", re.I)


def url_from_text(text: str) -> Found[str] | None:
    """An address of the posting itself: a labelled one, or the first that looks like a job page."""
    label = re.search(
        r"(?:job url|posting url|url|link|apply (?:at|here))\s*:\s*<?(https?://\S+?)>?(?:\s|$)", text, re.I
    )
    if label:
        return Found(label.group(1).rstrip(".,)"))
    for match in re.finditer(r"https?://[^\s)\]>\"']+", text):
        if _JOB_PATH.search(match.group(0)):
            return Found(match.group(0).rstrip(".,"))
    return None


def source_of(url: str | None) -> str | None:
    """Where the posting was found: the host of its address."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None

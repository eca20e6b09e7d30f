"""The title line of a post on a community job board, read into role, company, places and mode.

Boards on GitHub and forums ask posters for one line, and each writes it their way:
'[Remoto] Front-End Developer na [B2W Digital]', 'Base.vn - PHP Developer - Hanoi - Fulltime',
'Regular Developer at Quave - Fully Remote - $3,000', '[深圳/远程] MetaBlock公司诚聘 前端工程师
薪水15k-40kRMB/月', 'Fluxx- Senior Software Engineer- Remote'. The line is cut into its tags and
its parts; each part is told apart by what it is (a role names a job, a place is known, pay has
figures, a term of employment is a term), so no order of parts is assumed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from roledex.importer.fields import HIRING, company_name_of, without_backers
from roledex.importer.labels import (
    PAY_WRITTEN,
    clean_title,
    is_job_title,
    is_label,
    looks_like_company,
    looks_like_title,
    without_pay_in_brackets,
)
from roledex.importer.place_currency import is_known_place, names_a_place
from roledex.importer.places import NOT_A_PLACE, split_places
from roledex.kb.countries import is_country


@dataclass(frozen=True)
class TitleLine:
    """What one title line states; None where it does not say."""

    title: str | None = None
    company: str | None = None
    places: tuple[str, ...] = ()
    mode: str | None = None
    tagged: bool = False
    """The line opens with tags ('[Remoto]', '[Hanoi]'): a board's title line for sure."""
    company_after_role: bool = False
    """The company is the part after the role ('Title - Sylision'): a team ('Title - Payments')
    is written the same way, so the words of the posting must name it again."""


_TAG = re.compile(r"^\s*[\[【［]([^\]】］\n]{1,60})[\]】］]\s*[-–:|]?\s*")
_CLOSING_TAG = re.compile(r"\s*[\[【［]([^\]】］\n]{1,60})[\]】］]\s*$")
_JOINING_WORD = re.compile(r"\s(?:at|@|na|no|em|chez|bei|en|presso)\s*$", re.I)
"""'... na [GFT]': the bracket after it is the company's name, read with the role."""
_AREA = re.compile(
    r"^(?:front-?end|back-?end|full-?stack|mobile|devops|data|qa|web3?|ai|ml|python|java|javascript|typescript|"
    r"react(?: native)?|node(?:\.?js)?|go(?:lang)?|php|ruby|rails|\.net|c#|c\+\+|kotlin|swift|flutter|android|ios|"
    r"vue(?:\.?js)?|angular|django|elixir|rust|scala|sql|aws|blockchain|web)$",
    re.I,
)
"""A tag naming the kind of work or its language ('[FRONTEND]', '[Python]'): no company."""
_OPENING_WORD = re.compile(
    r"^(?:#?vagas?|#?jobs?|#hiring|urgent|\+?\d+\s+(?:vagas?|positions?|openings?|vacantes?)"
    r"(?:\s+(?:para|de|for))?)\b\s*[:!-]?\s*(?=\S)",
    re.I,
)
"""'#VAGA [BANCO CORA] ...', '#hiring ...': a word that says the line is a posting (words for
hiring before the role are `fields.HIRING`'s)."""
_MODE_AT_START = re.compile(
    r"^(?:100\s*%\s*|fully\s+)?(?P<modes>(?:remote|remoto|hybrid|h[íi]brido)(?:\s*[/&]\s*(?:remote|remoto|hybrid|h[íi]brido))*)"
    r"(?:\s*,\s*|\s+(?=\w))",
    re.I,
)
"""Modes before the role: 'Remote Senior Engineer', 'Hybrid/Remote, Engineering Manager'."""
_MODE_AT_END = re.compile(r"\s+(?:remote|remoto)$", re.I)
_CJK_HIRING = re.compile(
    r"^(?:(?P<company>[^\s].{0,40}?)\s*(?:公司)?\s*)?(?:诚聘|誠聘|诚招|誠徵|招聘|招募|急聘|寻找|尋找|徵求|招)\s*(?P<rest>.+)$"
)
"""'X公司诚聘 Y' (X is hiring a Y), '寻找Y' (looking for a Y)."""
_CJK_PAY = re.compile(r"(?<!\s)\s*+(?:薪水|薪资|薪資|薪酬|月薪|年薪|待遇)\s*[:：]?.*$")
_TRAILING_PAY = re.compile(
    r"(?<!\s)\s++(?:up to\s++|~\s*+)?[$€£]?\s?\d[\d.,]*+\s*+(?:[kKwW]|萬|万)?\s*+(?:[$€£]|USD|EUR)?(?:\s*+[-–~]\s*.*)?$"
)
_LEADING_PAY = re.compile(r"^[$€£]?\d[\d.,]*\s*(?:[kKmMwW]|萬|万)?(?:\s*/\s*(?:Y|M|year|month|月|年))?\s+(?=\D)")
_EMPLOYMENT = re.compile(
    r"^(?:FT|PT|full[- ]?time|part[- ]?time|fulltime|contract|clt|pj|direct hire|contract[- ]to[- ]hire|c2h|w2|"
    r"1099|perm|\d{4}|\d+ location\(s\)|urgent|hot|new|"
    r"社招|校招|徵才|征才|招聘|诚聘|誠聘|hiring|实习|實習|内推|內推|急招|资深|資深|高级|高級|初级|初級|中级|中級|"
    r"城市名|公司名|cidade|city|company name|nome da empresa|empresa|local)$"
    r"|(?<!\d)\d++\+?\s*+(?:yoe|years?|yrs?|năm)\b|\b(?:english|inglês|ingl[eé]s|tiếng anh)\b"
    r"|^(?:(?:[PLTM]\d{1,2}|junior|senior|pleno|middle|mid|资深|高级|高級|中级|中級|初级|初級|专家|專家)\s*+/?\s*+)+$"
    r"|visa|equity|sponsor|https?://|@|\bwww\.",
    re.I,
)
"""Terms of the job and other words a title line carries that are neither role, name nor place."""
_PLACE_SHAPE = re.compile(r"(?:[A-Z][\w.'’\- ]{1,40}|[\u4e00-\u9fff]{2,12})(?:,\s*[A-Z][\w.'’\- ]{1,40}){0,3}")
_SEPARATORS = re.compile(r"\s+[-–—|_]\s+|(?<=[\w.)])[-–—_]\s+|\s+[-–—](?=[A-Za-z$])")
_COMPANY_AFTER = re.compile(
    r"^(?P<title>.+?)\s+(?:(?:at|na|no|em|chez|bei|en|presso)\s+|(?-i:в\s+(?=[A-ZА-ЯЁ]))|(?P<at>@)\s*)"
    r"\[?(?P<company>[^\[\]]{2,40}?)\]?\s*$",
    re.I,
)
"""'Title at Company', 'Título na [Empresa]', 'Разработчик в Яндекс', and a board's 'Title
@Company' (its template's '[Cidade] Título @ Empresa'); Russian 'в' only before a capital (not
'в команду')."""
_BOARD_WORDS = re.compile(r"^(?:(?:remote|remoto|hybrid|jobs?|vagas?|vacantes?|hiring|new|urgent)[\s_-]*)+$", re.I)
"""What a board writes before a colon that is no company: 'Remote-Jobs: Software Engineer'."""


def _plain(line: str) -> str:
    """The line without Markdown marks, pictographs ('🔥 ... 🚀') and addresses ('--> https://...')."""
    line = re.sub(r"(?<!\s)\s*+(?:-+>|→|:)?\s*+https?://\S+", "", line)
    line = re.sub(r"^#+\s*", "", line.strip()).strip("*_ ")
    marked = "".join("\x00" if unicodedata.category(ch) in ("So", "Sk", "Cs") else ch for ch in line)
    marked = re.sub(r"\x00[\x00\s\ufe0f]*", "\x00", marked.replace("\ufe0f", "")).strip("\x00 ")
    # a pictograph between words parts them as a dash would: '🎯ROLE💰USD 3,000 📍HCMC'
    return re.sub(r"\s{2,}", " ", re.sub(r"\s*\x00\s*", " | ", marked)).strip()


def _tag_parts(tag: str) -> list[str]:
    """A tag's parts: 'Hanoi/Remote', 'HCM - Blimp.db'; 'Belo Horizonte, Minas Gerais, Brazil' is one place."""
    pieces = [piece.strip() for piece in re.split(r"[/，、|]|\s[-–]\s", tag) if piece.strip()]
    return [
        part.strip()
        for piece in pieces
        for part in ([piece] if names_a_place(piece) else piece.split(","))
        if part.strip()
    ]


_CJK_DISTRICT = re.compile(r"^([\u4e00-\u9fff]{2,3}?)[\u4e00-\u9fff]{1,4}[区區市县縣]$")


def _is_place(text: str) -> bool:
    """A place roledex knows, 'City, Country' of known names, or any place in a country it knows
    ('Bremen, Deutschland')."""
    parts = [part.strip() for part in text.split(",")]
    in_a_country = len(parts) > 1 and is_country(parts[-1], any_language=True)
    district = _CJK_DISTRICT.match(text)  # '北京海淀区': a district of a city roledex knows
    in_a_city = district is not None and is_known_place(district.group(1))
    return is_known_place(text) or names_a_place(text) or in_a_country or in_a_city


@dataclass
class _Tags:
    """What a line's tags state: modes, places, a role in brackets, names that are none of these."""

    modes: list[str]
    places: list[str]
    role: str | None = None
    names: list[str] | None = None


def _read_tag(inside: str, tags: _Tags) -> None:
    if is_job_title(inside) and looks_like_title(inside) and tags.role is None:
        tags.role = inside
        return
    names: list[str] = []
    unknown = False
    for part in _tag_parts(inside):
        kept, mode = split_places([re.sub(r"[-_ ](?:full[- ]?time|fulltime)$", "", part, flags=re.I)])
        if mode:
            tags.modes.append(mode)
        tags.places += [place for place in kept if _is_place(place)]
        others = [place for place in kept if not _is_place(place) and not _EMPLOYMENT.search(place)]
        names += [name for name in others if _names_a_company(name)]
        unknown = unknown or any(not _names_a_company(name) for name in others)
    if len(names) == 1 and not unknown:  # '[Nimbus]', '[HCM - Blimp.db]'; not '[2.0M-3.0M TWD/Y]'
        tags.names = [*(tags.names or []), names[0]]


def _names_a_company(text: str) -> bool:
    """A tag's part that can be a company: a name, not a role, a kind of work ('[FRONTEND]'), a
    place with a number ('[Dist 3]') or pay ('[年薪2~3百萬]')."""
    if is_job_title(text) or _AREA.match(text) or re.search(r"\d", text):
        return False
    return len(text) > 1 and looks_like_company(text)


def _read_tags(line: str) -> tuple[str, _Tags]:
    """The line after its leading and closing tags, and what the tags state."""
    tags = _Tags(modes=[], places=[])
    line = _OPENING_WORD.sub("", line)
    while (tag := _TAG.match(line)) is not None:
        line = line[tag.end() :]
        _read_tag(tag.group(1).strip(), tags)
    closing = _CLOSING_TAG.search(line)
    if closing and closing.start() > 0 and not _JOINING_WORD.search(line[: closing.start()]):
        found = _Tags(modes=[], places=[])
        _read_tag(closing.group(1).strip(), found)
        paid = PAY_WRITTEN.search(closing.group(1)) and re.search(r"\d", closing.group(1))
        if found.places or found.modes or found.names or paid:  # '... [SÃO PAULO]', '... [Digisystem]', '[2.0M TWD/Y]'
            tags.places += found.places
            tags.modes += found.modes
            tags.names = [*(tags.names or []), *(found.names or [])]
            line = line[: closing.start()]
    line = _OPENING_WORD.sub("", line.strip())  # '[Dist 3] Hiring Backend Engineer'
    start_mode = _MODE_AT_START.match(line)
    if start_mode and is_job_title(line[start_mode.end() :]):
        tags.modes.append(
            split_places([m.strip() for m in re.split(r"[/&]", start_mode.group("modes"))])[1] or "hybrid"
        )
        line = line[start_mode.end() :]
    end_mode = _MODE_AT_END.search(line)
    if end_mode and is_job_title(line[: end_mode.start()]) and not _SEPARATORS.search(line):
        tags.modes.append("remote")  # 'JavaScript Developer Remote'
        line = line[: end_mode.start()]
    return line.strip(), tags


_PAY_WITHIN = re.compile(r"(?<!\s)\s++(?:up to\s++)?[$€£]?\d[\d.,]*+\s*+[kK]?\s*+[$€£](?=\s|$).*$", re.I)
"""Pay in the middle of a part, and what follows it: 'Flutter Developer 2000$ Base HN'."""


def _without_pay(part: str) -> str:
    part = _PAY_WITHIN.sub("", _LEADING_PAY.sub("", _CJK_PAY.sub("", part)))
    part = without_pay_in_brackets(part)
    return _TRAILING_PAY.sub("", part).strip(" -–:")


def _places_and_modes(part: str) -> tuple[list[str], list[str]] | None:
    """The places and modes of a part made only of them ('HANOI/REMOTE', 'Remote - UK'), or None."""
    places: list[str] = []
    modes: list[str] = []
    kept, mode = split_places([part])
    if mode and len(kept) <= 1:  # 'Remote (US/Canada)'
        return kept, [mode]
    for piece in (p.strip() for p in part.split("/")):
        kept, mode = split_places([piece])
        modes += [mode] if mode else []
        if kept and not all(_is_place(place) for place in kept) and not (mode and len(kept) == 1):
            return None
        places += kept
    return (places, modes) if places or modes else None


def _is_stack(part: str) -> bool:
    """A list of the languages and tools of the work ('Python, Java, AWS, Node, React'): no name."""
    items = [item.strip() for item in re.split(r"[,/&+]|\sand\s", part.strip()) if item.strip()]
    return len(items) > 1 and all(_AREA.match(item) for item in items)


def _kind_of(part: str) -> str:
    """What a part of the line is: 'role', 'pay', 'term', 'place' (or mode) or 'name'."""
    if is_job_title(_without_pay(part)):
        return "role"
    if re.search(r"\d", part) and PAY_WRITTEN.search(part):
        return "pay"
    if _EMPLOYMENT.search(part) or NOT_A_PLACE.search(part) or _is_stack(part):
        return "term"
    return "place" if _places_and_modes(part) is not None else "name"


def _listed_places(part: str) -> list[str]:
    """A name after the role read as places: known cities listed ('Berlin, Hamburg, or Munich')
    or one place of a place's shape ('Portland, OR'); [] for anything else."""
    pieces = [p.strip() for p in re.split(r",|\s(?:or|and)\s", part) if p.strip()]
    pieces = [re.sub(r"^(?:or|and)\s+", "", p) for p in pieces]  # 'Berlin, Hamburg, or Munich'
    if len(pieces) > 1 and all(is_known_place(piece) for piece in pieces):
        return pieces
    return [part] if _PLACE_SHAPE.fullmatch(part) else []


@dataclass
class _Reading:
    title: str | None = None
    company: str | None = None
    company_after_role: bool = False
    places: list[str] | None = None
    modes: list[str] | None = None
    company_at: bool = False
    """The company was written '@Company' after the role."""


def _read_parts(parts: list[str], reading: _Reading) -> None:
    kinds = [_kind_of(part) for part in parts]
    places, modes = reading.places or [], reading.modes or []
    for part, kind in zip(parts, kinds, strict=True):
        if kind == "place":
            found, stated = _places_and_modes(part) or ([], [])
            places += found
            modes += stated
    # a role in brackets is the title: the parts that name a role are then neither title nor company
    roles = [] if reading.title is not None else [i for i, kind in enumerate(kinds) if kind == "role"]
    if roles:
        reading.title = _without_pay(parts[roles[0]])
    at = roles[0] if roles else -1
    before = [parts[i] for i in range(max(at, 0)) if kinds[i] == "name"]
    after = [parts[i] for i in range(at + 1, len(parts)) if kinds[i] == "name"]
    if roles and reading.company is None and (before or after):
        reading.company = (before or after)[0]
        reading.company_after_role = not before
        after = after if before else after[1:]
    if roles:
        places += [place for name in after for place in _listed_places(name)]  # 'Acme | Engineer | Portland, OR'
    reading.places, reading.modes = places, modes


_DOMAIN_END = re.compile(r"\.(?:dev|io|ai|co|com|net|org|app|tech)\b", re.I)
"""A company named by its domain ('Contratar.dev'): '.dev' there is no developer."""
_NOTE_OPENING = re.compile(r"^(?:open (?:for|to)|based in|in|at|em|no|na)\s+", re.I)
"""Words before the places of a closing note: '(open for Ha Noi or Ho Chi Minh)'."""


def _closing_note(reading: _Reading) -> None:
    """A note of places and modes that closes the title: '... at Globex (Amsterdam, hybrid)'."""
    note = re.match(r"^(?P<rest>.+?)\s*\((?P<note>[^()]{2,60})\)\s*$", reading.title or "")
    stated = _places_and_modes(_NOTE_OPENING.sub("", note.group("note"))) if note else None
    if note and stated and (stated[1] or all(_is_place(place) for place in stated[0])):
        reading.title = note.group("rest")
        reading.places = [*(reading.places or []), *stated[0]]
        reading.modes = [*(reading.modes or []), *stated[1]]


def _split_company(reading: _Reading) -> None:
    """'Title at Company', 'Title na [Company]': the company beside the role; a note of places
    before or after it ('Developer (Híbrido - Belo Horizonte) na Coodesh')."""
    if reading.title is None:
        return
    _closing_note(reading)
    beside = _COMPANY_AFTER.match(reading.title or "")
    named = beside.group("company") if beside else ""
    title = beside.group("title") if beside else ""
    inside_brackets = title.count("(") != title.count(")")  # '(Solo candidatos basados en México)'
    if beside and not inside_brackets and not is_job_title(_DOMAIN_END.sub("", named)) and not _is_place(named):
        reading.title = title.strip()
        if reading.company is None or reading.company_after_role:
            # 'Engineer @ Kiwi Payments - Auckland, NZ': the name written beside the role is the
            # company; a name after it is then a place, if it is one ('Payments' is a team)
            displaced = _listed_places(reading.company) if reading.company else []
            reading.company, reading.company_after_role = named.strip(), False
            reading.places = [*(reading.places or []), *(p for p in displaced if _is_place(p) or "," in p)]
        reading.company_at = beside.group("at") is not None
        _closing_note(reading)


def _cjk_line(line: str, reading: _Reading) -> str:
    """'X公司诚聘 Y 薪水 Z': the company X, the rest (Y) is the role."""
    hiring = _CJK_HIRING.match(line)
    if hiring is None:
        return line
    company = (hiring.group("company") or "").strip()
    if company and not re.fullmatch(r"X+|XX+.*", company):
        reading.company = company
    return _without_pay(hiring.group("rest"))


def _split_outside_brackets(line: str) -> list[str]:
    """The line cut at its separators, but not inside brackets: 'Fullstack Developer (Híbrido -
    Belo Horizonte) na Coodesh' is one part."""
    depth, cuts = 0, [0]
    for match in _SEPARATORS.finditer(line):
        depth = line.count("(", 0, match.start()) - line.count(")", 0, match.start())
        if depth <= 0:
            cuts += [match.start(), match.end()]
    cuts.append(len(line))
    return [line[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2)]


def _without_a_role(parts: list[str], from_tags: TitleLine) -> TitleLine:
    """A line that names no role: what its tags state, and a board's 'Company - Place - Level -
    Pay' ('有赞 - 杭州 - 资深 - 20k~40k') read as company and places when one part alone is a name
    and the others are places, pay or terms."""
    kinds = [_kind_of(part) for part in parts]
    names = [part for part, kind in zip(parts, kinds, strict=True) if kind == "name"]
    if len(names) != 1 or not ({"place", "pay"} & set(kinds)) or not looks_like_company(names[0]):
        return from_tags
    places = [
        place
        for part, kind in zip(parts, kinds, strict=True)
        if kind == "place"
        for place in (_places_and_modes(part) or ([], []))[0]
    ]
    company = company_name_of(names[0].strip(" []"))
    return replace(from_tags, company=company, places=(*from_tags.places, *places))


def read_title_line(first_line: str) -> TitleLine:
    """What a board's title line says; an empty TitleLine when it names no role."""
    plain = without_backers(_plain(first_line))
    line, tags = _read_tags(plain)
    line = HIRING.sub("", line)  # 'Hiring: Staff Engineer | Quanta AI'
    from_tags = TitleLine(places=tuple(tags.places), mode=_one_mode(tags.modes))
    reading = _Reading(places=list(tags.places), modes=list(tags.modes))
    company_label = re.match(r"^(?P<company>[^:]{2,40}):\s+(?P<rest>.+)$", line)
    if company_label and _BOARD_WORDS.match(company_label.group("company")):  # 'Remote-Jobs: ...'
        line = company_label.group("rest")
        stated = split_places([company_label.group("company")])[1]
        reading.modes = [*(reading.modes or []), *([stated] if stated else [])]
    elif company_label and is_label(company_label.group("company")):  # 'Role: Site Reliability Engineer'
        line = company_label.group("rest")
    elif (
        company_label and is_job_title(company_label.group("rest")) and not is_job_title(company_label.group("company"))
    ):
        reading.company, line = company_label.group("company"), company_label.group("rest")
    line = _cjk_line(line, reading)
    parts = [part.strip() for part in _split_outside_brackets(line) if part and part.strip()]
    reading.title = tags.role
    _read_parts(parts, reading)
    _split_company(reading)
    named = [name for name in tags.names or () if not (is_label(name) or _BOARD_WORDS.match(name))]  # "[Vaga]"
    if reading.company is None and named:
        reading.company = named[0]  # a name in the tags, when the line names no other
    elif reading.company_at and tags.names and len(tags.names) == 1 and _PLACE_SHAPE.fullmatch(tags.names[0]):
        reading.places = [*(reading.places or []), tags.names[0]]  # '[Teresópolis] Developer @Noclaf Tech
    title = clean_title(reading.title) if reading.title else None
    company = reading.company.strip(" []") if reading.company else None
    if company and (
        not looks_like_company(company) or _is_place(company) or is_job_title(_DOMAIN_END.sub("", company))
    ):
        company = None
    if not title or not looks_like_title(title):
        return _without_a_role(parts, from_tags)
    return TitleLine(
        title,
        company_name_of(company) if company else None,
        _without_parts_of_others(reading.places or []),
        _one_mode(reading.modes or []),
        tagged=_TAG.match(_OPENING_WORD.sub("", plain)) is not None,
        company_after_role=reading.company_after_role,
    )


def _without_parts_of_others(places: list[str]) -> tuple[str, ...]:
    """Each place once, and none that starts a fuller one: 'Belo Horizonte' beside 'Belo
    Horizonte, Minas Gerais, Brazil'."""
    unique = list(dict.fromkeys(places))
    return tuple(p for p in unique if not any(q != p and q.startswith(f"{p},") for q in unique))


def _one_mode(modes: list[str]) -> str | None:
    """The mode the line states: the one named, or hybrid when remote and on site are both named."""
    if not modes:
        return None
    return modes[0] if len(set(modes)) == 1 else "hybrid"

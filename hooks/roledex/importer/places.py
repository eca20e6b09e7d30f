"""Places and work modes as boards write them: 'Remote' is a way of working, not a place.

Boards mix the two ('India, Remote', 'Remote - UK/EU', 'remote,Germany (Remote)', 'Berlin |
Remoto'); every place the importer keeps goes through `split_places`, so a posting's
`locations` holds places only and its `work_mode` says how the work is done.
"""

from __future__ import annotations

import re

from roledex.kb.countries import is_country, is_region, is_region_code

_REMOTE_WORDS = (
    r"remote(?:[\s-]+(?:ok|friendly|first|only|possible))?|full(?:y)? remote|100\s*%\s*remote|remoto|remota|"
    r"t[ée]l[ée]travail(?: complet| total)?|à distance|a distancia|teletrabajo|en remoto|da remoto|"
    r"home\s*office|work from home|wfh|anywhere|在家[^，。,\s]{0,4}[办辦]公|"
    r"zdalnie|praca zdalna|op afstand|thuiswerken|etätyö|distans|"
    r"远程|遠端|遠程|全遠端|遠端為主|居家|在家办公|在家辦公|リモート|フルリモート|在宅勤務|在宅|"
    r"удал[её]нн?о|удал[её]нная работа|удал[её]нка|재택근무|재택|원격\s?근무"
)
_HYBRID_WORDS = (
    r"hybrid|hybride|h[íi]brido|h[íi]brida|ibrido|ibrida|hybrydowo|hybrydowa|praca hybrydowa|"
    r"t[ée]l[ée]travail partiel|remote parcial|teilweise remote|混合办公|混合辦公|ハイブリッド|"
    r"гибрид(?:ный формат|ный график|ная работа|ный)?|하이브리드"
)
_ONSITE_WORDS = (
    r"on-?site|in[- ]person|in[- ]office|office[- ]based|presencial|vor ort|sur site|pr[ée]sentiel|"
    r"stacjonarnie|in sede|op kantoor|work from office|wfo|office|at (?:the )?office|escrit[óo]rio|"
    r"в офисе|офис"
)
_MODES = rf"(?:(?P<remote>{_REMOTE_WORDS})|(?P<hybrid>{_HYBRID_WORDS})|(?P<onsite>{_ONSITE_WORDS}))"
_MODE_ONLY = re.compile(
    rf"^(?:(?:modalidad|modalidade|modelo|regime|trabajo|trabalho)\s+)?(?:100\s*%\s*|fully\s+|可|全|纯|純)?{_MODES}(?:\s*100\s*%|\s+working|\s+work|\s+only|\s+possible|"
    r"ワーク可?|可|\s*OK)?$",
    re.I,
)
"""A mode alone, with the words boards add to it: 'Remoto 100%', '可远程' (remote possible), 'Hybrid working'."""
_MODE_IN_PARENS = re.compile(rf"\s*\((?:可|全|纯|純)?{_MODES}(?:[,;:\s–-][^()]*)?\)\s*", re.I)
"""A mode in brackets, with what the board adds after it: '(Remote-first, UK only)', '(可远程)'."""
NOT_REMOTE = re.compile(
    r"\(no remote\)|\bno remote (?:work|option|possible)\b|\bnot (?:a |an )?remote\b|\bremote:\s*no\b|"
    r"\bnon[- ]remote\b|\b(?:full(?:y)?\s+)?remote(?:\s+work(?:ing)?)?\s+(?:is\s+)?not\s+"
    r"(?:possible|available|an option|offered|allowed)\b|^\W*no\s+remote\W*$|"
    r"\brelocate or commute\b|\bno (?:home ?office|working from home|wfh)\b|"
    r"\bkein(?:e|en)? (?:remote|home ?office)\b|\bpas de t[ée]l[ée]travail\b|\bsin teletrabajo\b|"
    r"удал[её]нн?о\s+(?:мы\s+)?не\b|без удал[её]нки|работа (?:предполагается )?(?:из|в) офис|"
    r"n[ãa]o h[áa] (?:disponibilidade|possibilidade) (?:para|de) (?:trabalho )?remot|n[ãa]o (?:aceita|é|será) remot|"
    r"sem (?:op[çc][ãa]o de )?remoto\b",
    re.I,
)
"""Words that say the work is not remote ('no remote work', 'Full remote not possible',
'kein Homeoffice'): on site."""
PLACE_NOTE = re.compile(r"\((?P<note>[^()]*)\)\s*$")
"""A note in brackets that ends a place: 'Berlin, Germany (no remote)', 'Curitiba - PR
(híbrido, 2x por semana)'."""
_MODE_WORD = re.compile(rf"\b{_MODES}\b", re.I)
_MODE_PREFIX = re.compile(rf"^{_MODES}\s*(?:[-–—:(]|(?:in|within|from)\b|(?=(?-i:[A-Z])))\s*(?P<rest>.+?)\)?$", re.I)
"""A mode before its place: 'Remote - UK', 'Remote (US)', 'Hybrid Lake Oswego, OR'."""
_MODE_SUFFIX = re.compile(rf"^(?P<rest>.+?)\s+[-–—]\s+{_MODES}$", re.I)
"""A place, a dash and its mode: 'Lyon, France - Télétravail partiel'."""
NOT_A_PLACE = re.compile(
    r"^(?:full[- ]?time|part[- ]?time|contract(?:or)?|permanent|temporary|freelance|internship|vollzeit|teilzeit|"
    r"festanstellung|befristet|unbefristet|cdi|cdd|temps plein|temps partiel|tiempo completo|jornada completa|"
    r"tiempo parcial|tempo integral|clt|pj|b2b|uop|voltijd|deeltijd|tempo pieno|heltid|deltid)$"
    # a figure before an hours word: from the line's first figure only (from each, a long run of them took minutes)
    r"|(?<![^\n])[^\d\n]*+\d[^\n]*\b(?:hours?|hrs?|uur|stunden|std|heures|horas|ore|godzin)\b"
    r"|\b(?:ago|posted|applicants?|hace|il y a|vor)\b"
    r"|^\d[\d\s,.+-]*$"
    r"|^(?:任意|不限|均可|anywhere|any|worldwide|global|(?:the\s+)?world|everywhere|onde quiser|qualquer lugar)$"
    r"|^(?:junior|senior|mid(?:-level)?|pleno|s[êe]nior|j[úu]nior|fresher|intern(?:ship)?|estágio|trainee)$"
    r"|限制|以外|以内|不限地点",
    re.I,
)
"""What boards put between places that is no place: an employment type, hours, a date, a count."""


_TIME_ZONE = r"(?:UTC|GMT|CET|CEST|EET|EEST|WET|EST|EDT|PST|PDT|CST|CDT|MST|BRT|IST|AEST|JST)\b"
_NARROWING = re.compile(rf"(?:[,;]\s*+|(?<!\s)\s++)(?:in\s++)?{_TIME_ZONE}.*$|^{_TIME_ZONE}.*$", re.I)
"""Hours after a place or alone, no place: 'Europe, CET ±2h', 'EST hours'."""
_ONLY = re.compile(r"(?<!\s)\s++only$", re.I)
"""'Europe only': the place is Europe."""


_SCHEDULE = re.compile(
    r"\d\s*(?:x|×|days?|dias?|días?|jours?|tage?n?|giorni|dni)\b|\b(?:week|semana|semaine|woche|settimana|tydzie)",
    re.I,
)
"""A note of days in the office: '(3x na semana)', '(2 days a week)'."""


def _mode_alone(text: str) -> re.Match[str] | None:
    """A mode alone, a note of days after it allowed: 'híbrido (3x na semana)' (not '(Brasil)')."""
    note = PLACE_NOTE.search(text)
    if note and _SCHEDULE.search(note.group("note")):
        text = text[: note.start()]
    return _MODE_ONLY.match(text.strip())


def _mode_of(match: re.Match[str]) -> str:
    return next(name for name in ("remote", "hybrid", "onsite") if match.group(name))


def split_places(places: list[str]) -> tuple[list[str], str | None]:
    """(the places, the work mode they state) from a board's location strings.

    'Remote' alone is a mode; 'Remote - UK/EU' and 'Germany (Remote)' are a place worked
    remotely; 'India, Remote' and 'remote,Germany' are lists with a mode among them.
    """
    kept: list[str] = []
    modes: list[str] = []
    for place in places:
        for part in _parts(place):
            note = PLACE_NOTE.search(part)
            if note and NOT_REMOTE.search(note.group("note")):
                modes.append("onsite")  # read before the mode word inside it: '(remote not possible)'
                part = part[: note.start()].strip(" ,-")
            said = NOT_REMOTE.search(part)
            if said and said.group(0).strip(" ()") == part.strip(" ()"):
                modes.append("onsite")  # 'No remote' alone
                continue
            only = _mode_alone(part)
            if only:
                modes.append(_mode_of(only))
                continue
            inside = _MODE_IN_PARENS.search(part)
            if inside:
                modes.append(_mode_of(inside))
                part = _MODE_IN_PARENS.sub(" ", part).strip(" ,-")
            prefix = _MODE_PREFIX.match(part) or _MODE_SUFFIX.match(part)
            if prefix:
                modes.append(_mode_of(prefix))
                part = prefix.group("rest").strip(" ,-()")
            part = _ONLY.sub("", _NARROWING.sub("", part))
            if NOT_A_PLACE.search(part) or (len(part.split()) >= 4 and _MODE_WORD.search(part)):
                continue  # 'Não há disponibilidade para Remoto' is a sentence about the mode
            if part and part.lower() not in (k.lower() for k in kept):
                kept.append(part)
    mode = modes[0] if modes and len(set(modes)) == 1 else ("hybrid" if "hybrid" in modes else None)
    return kept, mode


def _parts(place: str) -> list[str]:
    """A location string split where it lists several: at ';', '|', ' / ', ' or ', and at a comma
    that stands next to a work mode ('India, Remote')."""
    pieces = [p.strip() for p in re.split(r";|\||·|•|\s/\s|\sor\s", place) if p.strip()]
    parts: list[str] = []
    for piece in pieces:
        commas = [c.strip() for c in piece.split(",")]
        if len(commas) > 1 and any(_mode_alone(c) for c in commas):
            rest = [c for c in commas if c and not _mode_alone(c)]
            parts += [c for c in commas if _mode_alone(c)]
            if rest:
                parts.append(", ".join(rest))
        elif _is_list_of_cities(commas):
            parts += commas
        else:
            parts.append(piece)
    return parts


_NAME = re.compile(r"[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,2}\.?")
"""A place's name of one to three words, no figures: 'Glasgow', 'Ho Chi Minh', "Val-d'Or"."""
_ADDRESS_WORD = re.compile(
    r"\b(?:street|st|road|rd|avenue|ave|lane|house|building|tower|floor|suite|square|quarter|docks?|"
    r"rua|avenida|av|stra(?:ß|ss)e|str|platz|rue|calle|via|piazza|plaza|quận|phường)\b",
    re.I,
)
"""A word of a street address: its parts are one place ('Tower Bridge House, St Katharine Docks, London')."""


def _is_list_of_cities(commas: list[str]) -> bool:
    """'London, Glasgow, Bournemouth': three or more names, none a country and none a region's
    code, the last no region, are several places; 'Soho, London, England', 'Brooklyn, New
    York, NY' and a street address are one place, and two names may be ('Austin, Texas')."""
    return (
        len(commas) >= 3
        and all(_NAME.fullmatch(c) and not _ADDRESS_WORD.search(c) for c in commas)
        and not any(is_country(c, any_language=True) or is_region_code(c) for c in commas)
        and not is_region(commas[-1])
    )

"""Facts a paste states in so many words: labelled fields, issue-form fields and one-line
headers ('Acme | Senior Engineer | Berlin | Remote', 'Acme - Data Engineer - London').

Also the rules that keep a heading from becoming a company or a title: a job title names a
job ('engineer', 'Entwickler', 'analista'), a company is a name, not a phrase addressed to
the reader ('What you'll get') or an empty field ('None').
"""

from __future__ import annotations

import re

from roledex.importer.fields import PAGE_HEADINGS, TERMS_OF_WORK, company_name_of
from roledex.importer.money import candidates
from roledex.kb.countries import is_country, is_region

LABELS: dict[str, tuple[str, ...]] = {
    "company": (
        "company",
        "công ty",
        "tên công ty",
        "company name",
        "company_name",
        "employer",
        "hiring company",
        "organisation",
        "organization",
        "empresa",
        "compañía",
        "compania",
        "nombre de la compañía",
        "nombre de la empresa",
        "nome da empresa",
        "unternehmen",
        "arbeitgeber",
        "entreprise",
        "société",
        "societe",
        "azienda",
        "firma",
        "bedrijf",
        "公司",
        "公司名稱",
        "公司名称",
        "企業",
        "会社",
        "会社名",
        "企業名",
        "회사",
        "회사명",
        "компания",
        "работодатель",
        "기업",
        "기업명",
    ),
    "title": (
        "должность",
        "позиция",
        "вакансия",
        "직무",
        "직책",
        "포지션",
        "모집 분야",
        "모집분야",
        "채용 포지션",
        "職缺",
        "職稱",
        "職位",
        "职位",
        "岗位",
        "職種",
        "募集職種",
        "job title",
        "job",
        "vị trí",
        "vị trí tuyển dụng",
        "chức danh",
        "internship title",
        "title",
        "position",
        "position title",
        "role",
        "job role",
        "poste",
        "intitulé du poste",
        "titre du poste",
        "puesto",
        "título del trabajo",
        "titulo del trabajo",
        "título del puesto",
        "nombre del puesto",
        "cargo",
        "vaga",
        "título da vaga",
        "titulo da vaga",
        "stelle",
        "stellenbezeichnung",
        "stellenanzeige",
        "stellenangebot",
        "oferta",
        "oferta de empleo",
        "vacante",
        "offre",
        "offre d'emploi",
        "vacature",
        "vacancy",
        "opening",
        "job opening",
        "posizione",
        "ruolo",
        "figura ricercata",
        "stanowisko",
        "função",
        "jobtitel",
        "functie",
    ),
    "work_mode": (
        "work mode",
        "workplace type",
        "workplace",
        "work location",
        "working model",
        "work model",
        "work arrangement",
        "remote",
        "remote work",
        "arbeitsmodell",
        "arbeitsort",
        "modalidad",
        "modalidade",
        "modalité",
        "mode de travail",
        "是否远程",
        "是否遠端",
        "是否遠程",
    ),
    "employment": (
        "employment type",
        "employment",
        "job type",
        "contract type",
        "type of contract",
        "anstellungsart",
        "vertragsart",
        "type de contrat",
        "tipo de contrato",
        "tipo de contratação",
        "고용형태",
        "고용 형태",
    ),
}
"""Labels people and boards write before a fact, by the key they fill."""


def is_label(text: str) -> bool:
    """A field's label ('Role', 'Vaga', 'Stellenanzeige'): what stands before a colon there
    names the field, never the company."""
    word = text.strip().strip("*_#[]").strip().casefold()
    return any(word in names for names in LABELS.values())


_EMPTY = frozenset({"none", "null", "n/a", "na", "-", "--", "—", "tbd", "_no response_", "no response", "unknown"})
ROLE_WORDS = re.compile(
    r"\b(?:engineer|engineering|developer|dev|programmer|architect|manager|lead|head|director|chief|vp|"
    r"president|officer|designer|analyst|scientist|researcher|specialist|consultant|administrator|admin|"
    r"coordinator|associate|assistant|intern|internship|trainee|apprentice|technician|writer|editor|"
    r"recruiter|sre|devops|owner|strategist|advisor|executive|representative|accountant|counsel|"
    r"principal|staff|senior|junior|ingenieur|ingenieurin|entwickler|entwicklerin|leiter|leiterin|"
    r"berater|beraterin|ingénieur|ingénieure|développeur|développeuse|chef|responsable|directeur|"
    r"directrice|desarrollador|desarrolladora|ingeniero|ingeniera|analista|gerente|jefe|engenheiro|"
    r"engenheira|desenvolvedor|desenvolvedora|desenvolvedor\(a\)|desenvolvedores|coordenador|sviluppatore|ingegnere|"
    r"medewerker|ontwikkelaar|fresher|graduate|developers|engineers)\b"
    r"|(?<=\w)(?:entwickler|ingenieur|architekt|berater|analyst|administrator|informatiker|leiter|ontwikkelaar)"
    r"(?:in)?\b",
    re.I,
)
"""Words that make a line a job title, in the languages postings arrive in; German and Dutch
write them at the end of a compound ('Softwareentwickler', 'Systemadministrator')."""
_CJK_ROLE_WORDS = re.compile(
    r"工程师|工程師|开发|開發|设计师|設計師|经理|經理|架构师|架構師|产品|產品|运维|運維|测试|測試|分析师|分析師|"
    r"研究员|研究員|实习|實習|主管|总监|總監|前端|后端|後端|エンジニア|デザイナー|マネージャー|プログラマー|開発者|"
    r"lập trình viên|개발자|엔지니어|디자이너|기획자|매니저|마케터|연구원|분석가|아키텍트|프로그래머|인턴"
)
"""The same in Chinese, Japanese, Vietnamese and Korean (written without spaces between words,
or as in 'Data Engineer' with the job word last: '데이터 엔지니어')."""
_ADDRESSED = re.compile(
    r"\b(?:you|your|you'll|you’ll|we|we're|our|us|what|why|who|how|vous|votre|nous|sie|ihr|wir|unser|"
    r"usted|nosotros|você|nós)\b",
    re.I,
)
_GENDER = re.compile(
    r"\s*[\(\[]\s*(?:[mwfdhxi*]\s*[/|,]\s*){1,3}[mwfdhxi*]\s*[\)\]]|\s*[\(\[]\s*(?:all genders|gn|w/m/d|h/f)\s*[\)\]]"
    r"|\s+-\s+(?:[mwfdhx]\s*/\s*){1,3}[mwfdhx]\b",
    re.I,
)


def is_empty_value(text: str | None) -> bool:
    """True for a field a board left empty: 'None', 'N/A', '-', '_No response_'."""
    return text is None or text.strip().strip("*_`").strip().lower() in _EMPTY


_TERMS_IN_BRACKETS = re.compile(
    r"\s*[\(\[]\s*(?:contract|contractor|remote|hybrid|on-?site|full[- ]?time|part[- ]?time|freelance|temporary|"
    r"temp|permanent|fixed[- ]term|\d+[- ]months?(?: contract)?|vollzeit|teilzeit|cdi|cdd|remoto|h[íi]brido|"
    r"удал[её]нн?о|гибрид\w*|в офисе|재택(?:\s?근무)?|하이브리드|원격(?:\s?근무)?)\s*[\)\]]",
    re.I,
)
"""Terms of the job a board puts in the title's brackets: they are facts of their own."""
_NOTE_IN_BRACKETS = re.compile(r"\s*\((?P<note>[^()]*?(?:\s+[^()\s]+){3,}[^()]*)\)\s*$")
"""A note of four words or more in brackets that ends the title: '(Solo candidatos basados en
México/varias vacantes)', '(must be based in the EU)': a sentence about the job, not a part of
its name."""


def _without_notes(title: str) -> str:
    return _NOTE_IN_BRACKETS.sub(lambda m: m.group(0) if is_job_title(m.group("note")) else "", title)


_FIGURE = r"(?<![A-Za-z\d])(?<!\d[.,])\d[\d.,]*+"
"""A figure, read from its first digit only: tried from each digit of '1,1,1,...' it took minutes."""
PAY_WRITTEN = re.compile(
    rf"[$€£¥₫]\s?\d|{_FIGURE}\s*(?:[kKmMwW]|萬|万|mil)(?![A-Za-z])|{_FIGURE}\s*(?:[$€£]|USD|EUR|GBP|RMB|CNY|VND|BRL)"
    r"|\b(?:USD|EUR|GBP|RMB|R\$)\s?\d|\bsalary\b|/\s*(?:month|year|mo|yr|h)\b"
)
"""Pay as a title writes it: '$3,000', '16k-25k', '80w~120w', '10K-25K RMB', '$300k - $500k salary'."""
_IN_BRACKETS_WITH_FIGURES = re.compile(r"\s*[(（][^()（）]*\d[^()（）]*(?:[)）]|$)")


def without_pay_in_brackets(title: str) -> str:
    """The title without pay a board writes into its brackets: 'Staff Engineer ($300k - $500k
    salary)', 'Go Developer (~1200$)'; other figures in brackets stay ('(2 positions)')."""
    return _IN_BRACKETS_WITH_FIGURES.sub(lambda m: "" if PAY_WRITTEN.search(m.group(0)) else m.group(0), title)


_HIRING_AFTER = re.compile(r"(?<=\S)\s*(?:채용|모집|구인)(?:\s*공고)?$")
"""'Hiring' as Korean writes it after the role: '프론트엔드 엔지니어 채용'."""


def clean_title(title: str) -> str:
    """A title without gender markers ('(m/w/d)', '(f/m/x)', '(H/F)'), the terms of the job and
    pay in brackets ('(Contract)', '(Remote)', '($300k - $500k)'), notes in brackets that name no
    job and stray marks."""
    title = _HIRING_AFTER.sub("", title.strip())
    return without_pay_in_brackets(_without_notes(_TERMS_IN_BRACKETS.sub("", _GENDER.sub("", title)))).strip(
        " -–—|:：*_`!"
    )


def is_job_title(text: str) -> bool:
    """True when the text names a job."""
    return bool(ROLE_WORDS.search(text) or _CJK_ROLE_WORDS.search(text))


def looks_like_title(text: str) -> bool:
    """A line that can be a title: a few words, no code, not a lone fragment ('Sr'), not a
    heading addressed to the reader ('What you'll get')."""
    words = text.split()
    if not words or len(words) > 14 or len(text) > 120 or _ADDRESSED.search(text) or text.endswith(("?", ":")):
        return False
    if re.search(r"[{};=<>]|\(\)|^\W+$|https?://", text, re.I):
        return False
    return not (len(words) == 1 and len(text) <= 3)


def looks_like_company(text: str) -> bool:
    """A line that can be a company's name: short, not an empty field, not addressed to the reader,
    not terms of work."""
    if is_empty_value(text):
        return False
    stripped = company_name_of(text)
    if len(stripped.split()) > 6 or stripped.endswith((":", "?", "!", ".")) or _ADDRESSED.search(stripped):
        return False
    if TERMS_OF_WORK.fullmatch(stripped):  # 'Full-time, HCM' names how, not who
        return False
    return bool(re.search(r"\w", stripped)) and not re.search(r"[{};=<>]|https?://", stripped, re.I)


def _label_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(
        rf"^[ \t]*(?:[-*•]\s+|#{{1,6}}\s+)?(?:\*\*|__)?(?:{names})(?:\*\*|__)?\s*[:：]\s*"
        rf"(?:\*\*|__)?(?P<value>[^\n]+?)(?:\*\*|__)?\s*$"
        rf"|^#{{1,6}}\s*(?:{names})\s*[:：]?\s*\n+(?P<form>[^\n#][^\n]*)$",
        re.I | re.M,
    )


def _patterns() -> dict[str, re.Pattern[str]]:
    """Built where used rather than at import, so that a test sees every change to the rule
    (the `re` module keeps the compiled patterns, so this costs nothing after the first paste)."""
    return {key: _label_pattern(labels) for key, labels in LABELS.items()}


_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^)\n]*\)")  # no bracket in its text, as in Markdown
_ADDRESS_BESIDE = re.compile(r"\s*[(<]\s*(?:https?://|www\.)[^)>\s]*\s*[)>]")
"""The name's site written beside it: 'Meritocracy srl (https://meritocracy.is/en)'."""
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")


def plain_value(value: str) -> str:
    """A labelled value as words: a link's text without its address, emphasis taken off
    ('**[Acme](https://acme.example)**' is 'Acme')."""
    value = _ADDRESS_BESIDE.sub("", _LINK.sub(r"\1", value.strip())).strip("*").strip()
    while (match := _EMPHASIS.match(value)) is not None:
        value = match.group(2).strip()
    return value


def labelled(text: str) -> dict[str, str]:
    """The first value under each label the text writes (`Company: Acme`, `### Company` then
    `Acme` as in an issue form); empty fields ('None', '_No response_') are skipped."""
    found: dict[str, str] = {}
    for key, pattern in _patterns().items():
        for match in pattern.finditer(text):
            value = plain_value(match.group("value") or match.group("form") or "")
            if value and not is_empty_value(value) and len(value) <= 100:
                found[key] = value
                break
    return found


_MODE_LINE = re.compile(
    r"^(?:remote|hybrid|on-?site|in[- ]person|full[- ]time|part[- ]time|contract|vollzeit|teilzeit|remoto|h[íi]brido)"
    r"(?:\W.*)?$",
    re.I,
)


def _place_shaped(line: str) -> bool:
    """'City, Region' or 'City, Country' with no legal form: 'Warszawa, Mazowieckie', 'Bengaluru,
    Karnataka, India'."""
    parts = [part.strip() for part in line.split(",")]
    if len(parts) < 2 or any(company_name_of(part) != part for part in parts):
        return False  # 'Acme GmbH, Germany' names a company
    return any(is_country(part, any_language=True) or is_region(part) for part in parts[1:])


def top_block(text: str) -> dict[str, str | list[str]]:
    """Title, company and places from the short lines a board puts at the top of a posting
    ('Senior Data Engineer' / 'Fernway' / 'London' / 'Hybrid', in either of the first two orders).

    The line beside the title is the company; the lines after them are places. Lines that
    state a work mode or an employment type are left to the readers of those.
    """
    block: list[str] = []
    for raw in text.split("\n"):
        line = re.sub(r"^#+\s*", "", raw).strip().strip("*_")
        if not line:
            if block and not (len(block) == 1 and block[-1] != "" and not is_job_title(block[0])):
                break
            if block:
                block.append("")  # a name alone on the title line, its block under it ('JP Morgan')
            continue
        if re.match(r"https?://", line) and block:
            break
        if line.lower().rstrip(":?!.") in PAGE_HEADINGS:
            continue  # 'Open roles': the page's own heading
        if len(line.split()) > 8 or company_name_of(line).endswith((".", ":", "!", "?")) or len(block) == 5:
            break
        if re.search(r"[·•|:]|/$|\blocations?\b|\btime type\b|\bposted\b", line, re.I):
            if len([b for b in block if b]) < 2:
                return {}  # a meta line ('Acme · London · Hybrid', 'Location: Leeds'): its own readers
            break  # one under the title and the company ('London, UK · Hybrid') ends their block
        block.append(line)
    lines = [line for line in block if line and not _MODE_LINE.match(line)]
    if len(lines) < 2 or not (is_job_title(lines[0]) or is_job_title(lines[1])):
        return {}
    title, company = (lines[0], lines[1]) if is_job_title(lines[0]) else (lines[1], lines[0])
    rest = lines[2:]
    if not looks_like_title(title) or is_job_title(company):
        return {}  # no title, or two titles: the readers of the words decide
    if not (looks_like_company(company) or is_empty_value(company)):
        return {}  # a line that is no name
    places = [p for p in rest if looks_like_company(p) and not candidates(p)]  # a line of pay is no place
    if _place_shaped(company):
        # 'Bengaluru, Karnataka, India' beside the title: a place; the company is the line
        # below written with its legal form ('Zeta Fintech Pvt. Ltd.'), if there is one
        named = next((p for p in places if company_name_of(p) != p), "")
        company, places = named, [company, *(p for p in places if p != named)]
    found: dict[str, str | list[str]] = {"title": title, "places": places}
    if company and not is_empty_value(company):
        found["company"] = company
    return found

"""Repairing pasted text before anything is read from it.

Real pastes carry mojibake (`â€™`, `ðŸ’°`), HTML remnants and entities, indentation from the
page, and sometimes front matter of their own. Each repair is reported, so the user knows
what the importer changed in the text it keeps.
"""

from __future__ import annotations

import difflib
import html
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import ftfy
from markdownify import markdownify

from roledex.importer.limits import MAX_BYTES, TooMuch, check_markdown, check_page
from roledex.importer.notes import Note
from roledex.importer.sanitize import clean_html, inert_attribute_lists, inert_links
from roledex.kb.sections import QUALIFICATION_WORDS, RESPONSIBILITY_WORDS
from roledex.kb.source import parse_yaml, split_front_matter

_HTML_TAG = re.compile(r"<(?:p|div|li|ul|ol|br|h[1-6]|span|strong|b|em|table|tr|td|a)\b[^>]*>", re.I)
_ENTITY = re.compile(r"&(?=(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);)", re.I)
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+•]|\d+[.)])\s+")


class UnreadableInput(ValueError):
    """The input cannot be a posting: empty, binary, not UTF-8 or too large."""


@dataclass
class Repaired:
    text: str
    """The repaired text, read for the posting's facts."""
    hints: dict[str, Any] = field(default_factory=dict)
    """Front matter that came with the paste: read as hints, checked before use."""
    changes: list[str] = field(default_factory=list)
    body: str = ""
    """The text as the posting's body: the same words, with no markup that a page would run."""


def decode_input(raw: bytes) -> str:
    """The pasted text, or UnreadableInput saying why it cannot be one (too large, empty,
    binary, not UTF-8, or nested deeper than any posting: see `limits`)."""
    text = _decoded(raw)
    try:
        check_page(text)
    except TooMuch as error:
        raise UnreadableInput(str(error)) from None
    return text


def _decoded(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise UnreadableInput(
            f"is larger than {MAX_BYTES // 2**20} MB; a posting is a few kilobytes, so this is not one"
        )
    if not raw.strip():
        raise UnreadableInput("is empty")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableInput("is binary, not text")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnreadableInput(
                f"starts as UTF-16 but breaks off at byte {error.start}; save it as UTF-8 and import it again"
            ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise UnreadableInput(
            f"is not UTF-8 (line {line}, byte 0x{raw[error.start]:02x}); save it as UTF-8 and import it again"
        ) from None


def _examples(before: str, after: str) -> str:
    old, new = before.split(), after.split()
    pairs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "replace":
            pairs.append(f"{' '.join(old[i1:i2])[:30]!r} -> {' '.join(new[j1:j2])[:30]!r}")
        if len(pairs) == 3:
            break
    return ", ".join(pairs)


def fix_mojibake(text: str, changes: list[str]) -> str:
    """ftfy's repair of text decoded with the wrong encoding, reported with examples."""
    fixed, explanation = ftfy.fix_and_explain(text, uncurl_quotes=False, fix_line_breaks=False)
    if fixed != text:
        steps = ", ".join(f"{action} {parameter}" for action, parameter in (explanation or [])) or "ftfy"
        changes.append(Note(f"repaired mojibake ({steps}): {_examples(text, fixed)}"))
    return fixed


def html_to_markdown(text: str, changes: list[str], tags_needed: int = 2) -> str:
    """Markdown from pasted HTML, and entities decoded. A paste is HTML from two tags on (one
    may be a tag named in prose); a page's structured description is HTML from one."""
    if len(_HTML_TAG.findall(text)) >= tags_needed:
        # markdownify drops the contents of <script> and <style> (code, CSS, JSON-LD) unless told to strip them
        text = markdownify(clean_html(text), heading_style="ATX", bullets="-")
        changes.append(Note("converted HTML to Markdown"))
        # markdownify has decoded the page's entities once; what is left was text on the page
        # ('&lt;b&gt;' shown as such) and stays escaped
        return _ENTITY.sub("&amp;", text)
    if re.search(r"&(?:[a-z]+|#\d+|#x[0-9a-f]+);", text, re.I):
        unescaped = html.unescape(text)
        if unescaped != text:
            changes.append(Note("decoded HTML entities"))
            text = unescaped
    return text


_MARKUP_START = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^\s<>]*>", re.I)
_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.M | re.S)


def inert_markup(text: str, changes: list[str]) -> str:
    """The text with every '<' that would open an HTML tag, comment or declaration written as
    '&lt;', so a page shows it rather than runs it (autolinks and code are left as they are).

    A posting's words may say `<script>`, literally or as `&lt;script&gt;` that was decoded
    for reading; either way the body must show it, never run it.
    """
    kept = [*_AUTOLINK.finditer(text), *_CODE.finditer(text)]

    def inside_kept(position: int) -> bool:
        return any(match.start() <= position < match.end() for match in kept)

    escaped = 0

    def escape(match: re.Match[str]) -> str:
        nonlocal escaped
        if inside_kept(match.start()):
            return match.group(0)
        escaped += 1
        return "&lt;"

    inert = _MARKUP_START.sub(escape, text)
    if escaped:
        changes.append(Note(f"kept {escaped} HTML tag(s) in the text as text, so the page shows them and runs nothing"))
    return inert


def _relevel(lines: list[str]) -> list[str]:
    """Lists re-indented by four spaces a level, stray indentation of paragraphs removed."""
    out: list[str] = []
    base: int | None = None
    last_level = -1
    for line in lines:
        match = _LIST_ITEM.match(line)
        if match:
            indent = len(match.group(1).expandtabs(4))
            base = indent if base is None or indent < base else base
            level = max(0, (indent - base) // 2)
            level = min(level, last_level + 1)
            last_level = level
            out.append("    " * level + line.lstrip())
        elif not line.strip():
            out.append("")
        elif line[:1] in (" ", "\t") and last_level >= 0 and out and out[-1].strip():
            out.append("    " * (last_level + 1) + line.strip())
        else:
            base, last_level = None, -1
            out.append(line.strip() if line[:1] in (" ", "\t") else line.rstrip())
    return out


def _indentation(text: str) -> list[int]:
    return [len(line) - len(line.lstrip()) for line in text.split("\n") if line.strip()]


def tidy_layout(text: str, changes: list[str]) -> str:
    """Line ends, indentation and runs of blank lines as Markdown expects them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = textwrap.dedent(text).split("\n")
    tidied = "\n".join(_relevel([line.rstrip() for line in lines]))
    tidied = re.sub(r"\n{3,}", "\n\n", tidied).strip() + "\n"
    if _indentation(tidied) != _indentation(text.strip("\n")):
        changes.append(Note("re-indented lists and removed stray indentation"))
    return tidied


_BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□➢➤►▸✓✔✅☑]\s*|[*+–—-]\s+|o\s+)(?=\S)")
_OTHER_SECTIONS = (
    "about",
    "what we",
    "who we",
    "the role",
    "role",
    "job description",
    "description",
    "benefits",
    "perks",
    "bonus",
    "tasks",
    "what you",
    "who you",
    "you will",
    "you'll",
    "you have",
    "you bring",
    "how to apply",
    "why join",
    "experience",
    "wir bieten",
    "was wir bieten",
    "über uns",
    "wer wir sind",
    "qui sommes",
    "à propos",
    "avantages",
    "ce que nous",
    "pourquoi",
    "sobre",
    "beneficios",
    "benefícios",
    "o que",
    "qué ofrecemos",
    "lo que ofrecemos",
    "over ons",
    "over de",
    "wat bieden",
    "chi siamo",
    "cosa offriamo",
    "o nas",
    "o projekcie",
    "oferujemy",
    "om oss",
    "om rollen",
    "vi erbjuder",
)
"""Section names besides what the job does and asks for (`kb.sections` holds those)."""
_SECTION_WORDS = re.compile(
    r"^(?:(?:your|our|the|deine|dein|ihre|ihr|tes|vos|tus|sus|jouw|dina|le|la|les|el|los|las|die|der|das|il)\s+)?"
    + "(?:"
    + "|".join(re.escape(w) for w in (*RESPONSIBILITY_WORDS, *QUALIFICATION_WORDS, *_OTHER_SECTIONS))
    + ")",
    re.I,
)


def _is_heading_line(line: str, next_line: str) -> bool:
    """A short line that names a section: 'Responsibilities', 'What you'll do:', 'Ihr Profil'."""
    words = line.split()
    if not words or len(words) > 8 or not next_line.strip() or _BULLET.match(line):
        return False
    if line.endswith(":") and len(words) <= 6:
        return True
    return not line.endswith((".", ",", ";")) and bool(_SECTION_WORDS.match(line.strip()))


def structure_plain_text(text: str, changes: list[str]) -> str:
    """Headings and lists for a paste copied as plain text, so its sections and requirements
    are found: a short section name becomes a heading, bulleted lines and the run of short
    lines under a heading become list items. Markdown pastes are left as they are."""
    lines = text.split("\n")
    if any(line.startswith("#") for line in lines) or sum(1 for line in lines if line.strip()) < 3:
        return text
    out: list[str] = []
    headings = items = 0
    under_heading = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not stripped:
            out.append("")
            under_heading = False  # a heading is never followed by a blank line: one ends its run
            continue
        if _is_heading_line(stripped, following) and index > 0:
            out += ["", f"## {stripped.rstrip(':').strip()}", ""]
            headings += 1
            under_heading = True
            continue
        bullet = _BULLET.match(line)
        short = len(stripped) <= 200 and bool(following.strip() or (out and out[-1].startswith("- ")))
        if bullet or (under_heading and short and not stripped.endswith(":")):
            if out and out[-1].strip() and not out[-1].startswith("- "):
                out.append("")
            out.append("- " + (line[bullet.end() :] if bullet else stripped).strip())
            items += 1
            continue
        under_heading = False
        out.append(line)
    if not headings and not items:
        return text
    changes.append(Note(f"gave the plain-text paste {headings} heading(s) and {items} list item(s)"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def read_hints(text: str) -> tuple[str, dict[str, Any], list[str]]:
    """Front matter at the top of a paste, as hints; the text without it."""
    if not text.startswith("---"):
        return text, {}, []
    yaml_text, body, _, problems = split_front_matter("paste", text)
    if yaml_text is None:
        return text, {}, []
    data, _, yaml_problems = parse_yaml("paste", yaml_text, 2)
    if yaml_problems or not isinstance(data, dict):
        return body, {}, ["the paste's own front matter could not be read and was set aside"]
    return body, dict(data), [Note("read the paste's own front matter as hints")]


def repair(raw: bytes) -> Repaired:
    """The text of a raw posting, repaired; raises UnreadableInput for what is not a posting."""
    return repair_text(decode_input(raw))


_STYLED_LETTERS = re.compile("[\U0001d400-\U0001d7ff]")
"""Mathematical bold, italic and script letters and digits, which posts use as a font ('𝐒𝐄𝐍𝐈𝐎𝐑')."""


def plain_letters(text: str) -> str:
    """The text with letters styled as a font read as the letters they are: '𝐒𝐞𝐧𝐢𝐨𝐫 𝟐𝟓𝟎𝟎$' is
    'Senior 2500$'. For reading a posting's facts; its body keeps the style."""
    return _STYLED_LETTERS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def repair_text(text: str, html: bool = False) -> Repaired:
    """A decoded posting, repaired (`html`: the text is HTML, as schema.org's description is);
    raises UnreadableInput when nothing is left of it."""
    text = text.replace("\r\n", "\n")
    text, hints, changes = read_hints(text)
    text = fix_mojibake(text, changes)
    text = tidy_layout(html_to_markdown(text, changes, tags_needed=1 if html else 2), changes)
    if "converted HTML to Markdown" not in changes:
        text = structure_plain_text(text, changes)
    if not text.strip():
        raise UnreadableInput("holds no text once repaired")
    try:
        check_markdown(text)  # the body keeps the text's nesting and brackets: refused before any work
    except TooMuch as error:
        raise UnreadableInput(str(error)) from None
    body = inert_markup(text, changes)
    body, links = inert_links(body)
    if links:
        changes.append(Note(f"kept {links} link(s) to an address that could run script as text"))
    body, attributes = inert_attribute_lists(body)
    if attributes:
        changes.append(
            Note(f"kept {attributes} attribute list(s) ({{: ...}}) as text, so they set nothing on the page")
        )
    return Repaired(text, hints, changes, body)

"""Repairing a paste before it is read, rule by rule: what each repair makes of a line, and
what it says it did (each case reads as a user's paste and the text roledex keeps)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import plain_id
from roledex.importer.repair import (
    UnreadableInput,
    _decoded,
    _examples,
    _is_heading_line,
    _relevel,
    fix_mojibake,
    html_to_markdown,
    inert_markup,
    plain_letters,
    read_hints,
    repair_text,
    structure_plain_text,
    tidy_layout,
)

RE_INDENTED = "re-indented lists and removed stray indentation"


def _repaired(repair: Callable[[str, list[str]], str], text: str) -> tuple[str, list[str]]:
    """What one repair makes of `text`, and what it says it did."""
    changes: list[str] = []
    return repair(text, changes), [str(change) for change in changes]


@pytest.mark.parametrize(
    ("lines", "relevelled"),
    [
        (["- a", "  - b", "    - c", "- d"], ["- a", "    - b", "        - c", "- d"]),
        (["  - a", "    - b", "  - c"], ["- a", "    - b", "- c"]),
        (["- a", "      - deep", "- b"], ["- a", "    - deep", "- b"]),
        (["- a", "  continued", "para"], ["- a", "    continued", "para"]),
        (["1. one", "2) two", "   * sub"], ["1. one", "2) two", "    * sub"]),
        (["  indented para", "", "- x", "", "  after blank"], ["indented para", "", "- x", "", "after blank"]),
        (["\t- tab", "\t\t- tabtab"], ["- tab", "    - tabtab"]),
        (["- a", "text", "  - b"], ["- a", "text", "- b"]),
        (["   ", "x   "], ["", "x"]),
    ],
    ids=plain_id,
)
def test_lists_are_indented_four_spaces_a_level(lines: list[str], relevelled: list[str]) -> None:
    assert _relevel(lines) == relevelled


@pytest.mark.parametrize(
    ("text", "tidied", "said"),
    [
        ("  a\n    b\n", "a\nb\n", [RE_INDENTED]),
        ("x\r\ny\rz\u00a0w\n\n\n\nq", "x\ny\nz w\n\nq\n", []),
        ("- a\n   - b\n", "- a\n    - b\n", [RE_INDENTED]),
        ("para\n\n\n\n- a\n", "para\n\n- a\n", []),
        ("\n\n  - a\n  - b\n\n", "- a\n- b\n", [RE_INDENTED]),
        ("a\n- b\n", "a\n- b\n", []),
    ],
    ids=plain_id,
)
def test_layout_is_tidied_and_a_change_of_indentation_said(text: str, tidied: str, said: list[str]) -> None:
    assert _repaired(tidy_layout, text) == (tidied, said)


@pytest.mark.parametrize(
    ("text", "structured", "headings", "items"),
    [
        (
            "Acme is hiring\nResponsibilities:\nBuild things\nShip things\n\nRequirements\nPython\nSQL\n",
            "Acme is hiring\n\n## Responsibilities\n\n- Build things\n- Ship things\n\n"
            "## Requirements\n\n- Python\n- SQL\n",
            2,
            4,
        ),
        (
            "Intro line\n• first\n• second\nClosing sentence that is long enough to be a paragraph.\n",
            "Intro line\n\n- first\n- second\nClosing sentence that is long enough to be a paragraph.\n",
            0,
            2,
        ),
        (
            "Title\nWhat you'll do\nLead a team of five engineers.\nMentor.\n\nAbout us\nWe are a company.\n",
            "Title\n\n## What you'll do\n\n- Lead a team of five engineers.\n- Mentor.\n\n"
            "## About us\n\nWe are a company.\n",
            2,
            2,
        ),
        ("Top\nBenefits\n- Health\n- Dental\n", "Top\n\n## Benefits\n\n- Health\n- Dental\n", 1, 2),
        ("Header\nSkills:\nGo\nRust:\nTrailing\n", "Header\n\n## Skills\n\n- Go\n\n## Rust\n\nTrailing\n", 2, 1),
        (
            "Data Engineer at Acme\nRequirements\nPython experience\n",
            "Data Engineer at Acme\n\n## Requirements\n\nPython experience\n",
            1,
            0,
        ),
        (
            "Title line\nQualifications\n" + "x" * 200 + "\nShort one\n",
            "Title line\n\n## Qualifications\n\n- " + "x" * 200 + "\n- Short one\n",
            1,
            2,
        ),
        (
            "Title line\nQualifications\nA requirement " + "x" * 200 + "\nShort one\n",
            "Title line\n\n## Qualifications\n\nA requirement " + "x" * 200 + "\nShort one\n",
            1,
            0,
        ),
    ],
    ids=plain_id,
)
def test_a_plain_text_paste_gets_headings_and_lists(text: str, structured: str, headings: int, items: int) -> None:
    said = [f"gave the plain-text paste {headings} heading(s) and {items} list item(s)"]
    assert _repaired(structure_plain_text, text) == (structured, said)


@pytest.mark.parametrize(
    "text",
    [
        "# Already markdown\nline\nline\n",
        "one\ntwo\n",
        "Top\nNotes:\n\nNothing here.\n",
        "a\n\nb\n\n",
        "Requirements\nPython experience\nA sentence that is long enough to be prose, surely.\n",  # not the top line
    ],
    ids=plain_id,
)
def test_markdown_short_or_unstructured_pastes_are_left_as_they_are(text: str) -> None:
    assert _repaired(structure_plain_text, text) == (text, [])


@pytest.mark.parametrize(
    ("line", "following", "heading"),
    [
        ("Responsibilities", "", False),
        ("Responsibilities", "x", True),
        ("What you'll do:", "x", True),
        ("A sentence that ends.", "x", False),
        ("Ihr Profil", "x", True),
        ("- Responsibilities", "x", False),
        ("one two three four five six seven eight nine:", "x", False),
        ("Six words here and then colon:", "x", True),
        ("Seven words here and then a colon:", "x", False),
        ("Our benefits", "x", True),
        ("Benefits,", "x", False),
        ("Benefits;", "x", False),
        ("Plain words", "x", False),
        ("", "x", False),
    ],
    ids=plain_id,
)
def test_a_short_line_naming_a_section_is_a_heading(line: str, following: str, heading: bool) -> None:
    assert _is_heading_line(line, following) is heading


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("café".encode("utf-16"), "café"),
        ("\ufeffhello".encode(), "hello"),
        (b"x" * 10, "x" * 10),
    ],
    ids=plain_id,
)
def test_text_is_decoded_from_utf8_or_utf16(raw: bytes, text: str) -> None:
    assert _decoded(raw) == text


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "is empty"),
        (b"  \n", "is empty"),
        (b"a\x00b", "is binary, not text"),
        (b"\xff\xfea\x00\x00\xd8", "starts as UTF-16 but breaks off at byte 4; save it as UTF-8 and import it again"),
        (b"ok\n\xffbad", "is not UTF-8 (line 2, byte 0xff); save it as UTF-8 and import it again"),
    ],
    ids=plain_id,
)
def test_what_is_not_text_is_refused_with_why(raw: bytes, message: str) -> None:
    with pytest.raises(UnreadableInput) as refused:
        _decoded(raw)
    assert str(refused.value) == message


def test_mojibake_is_repaired_and_each_repair_shown() -> None:
    fixed, said = _repaired(fix_mojibake, "Itâ€™s great â€” really")
    assert fixed == "It’s great — really"
    # the steps in brackets are ftfy's own words; roledex's are the rest and the examples
    assert len(said) == 1 and said[0].startswith("repaired mojibake (")
    assert said[0].endswith("): 'Itâ€™s' -> 'It’s', 'â€”' -> '—'")
    assert _repaired(fix_mojibake, "plain text") == ("plain text", [])


def test_a_repair_names_at_most_three_examples() -> None:
    assert _examples("a b c d e", "a X c Y e") == "'b' -> 'X', 'd' -> 'Y'"
    many = _examples("one two three four five six seven eight", "ONE two THREE four FIVE six SEVEN eight")
    assert many == "'one' -> 'ONE', 'three' -> 'THREE', 'five' -> 'FIVE'"
    assert _examples("a" * 40, "b" * 40) == f"{'a' * 30!r} -> {'b' * 30!r}"


@pytest.mark.parametrize(
    ("text", "markdown", "said"),
    [
        ("<p>One</p><p>Two &amp; three</p>", "One\n\nTwo & three", ["converted HTML to Markdown"]),
        (
            "<div><h2>Role</h2><ul><li>a</li><li>b</li></ul></div>",
            "## Role\n\n- a\n- b",
            ["converted HTML to Markdown"],
        ),
        ("Fish &amp; chips &lt;b&gt;", "Fish & chips <b>", ["decoded HTML entities"]),
        ("just <b>one</b> tag", "just <b>one</b> tag", []),
        ("AT&T &nosuch; text", "AT&T &nosuch; text", []),
        ("<p>a</p><p>&amp;lt;kept&amp;gt;</p>", "a\n\n&amp;lt;kept&amp;gt;", ["converted HTML to Markdown"]),
    ],
    ids=plain_id,
)
def test_html_becomes_markdown_and_entities_text(text: str, markdown: str, said: list[str]) -> None:
    assert _repaired(html_to_markdown, text) == (markdown, said)


@pytest.mark.parametrize(
    ("text", "body", "hints", "said"),
    [
        (
            "---\ncompany: acme\n---\nBody\n",
            "Body\n",
            {"company": "acme"},
            ["read the paste's own front matter as hints"],
        ),
        (
            "---\n: bad: [\n---\nBody\n",
            "Body\n",
            {},
            ["the paste's own front matter could not be read and was set aside"],
        ),
        (
            "---\n- a list\n---\nBody\n",
            "Body\n",
            {},
            ["the paste's own front matter could not be read and was set aside"],
        ),
        ("No fm\n", "No fm\n", {}, []),
        ("---\nnot closed\n", "---\nnot closed\n", {}, []),
    ],
    ids=plain_id,
)
def test_a_pastes_own_front_matter_is_read_as_hints(
    text: str, body: str, hints: dict[str, str], said: list[str]
) -> None:
    found_body, found_hints, changes = read_hints(text)
    assert (found_body, found_hints, [str(c) for c in changes]) == (body, hints, said)


@pytest.mark.parametrize(
    ("text", "inert", "count"),
    [
        (
            "a <b>bold</b> <https://x.y> `<code>` and <!-- c -->",
            "a &lt;b>bold&lt;/b> <https://x.y> `<code>` and &lt;!-- c -->",
            3,
        ),
        ("plain < 5 and a<b", "plain < 5 and a&lt;b", 1),
        ("```\n<div>\n```\n<p>x", "```\n<div>\n```\n&lt;p>x", 1),
        ("<mailto:jo@example.com> <?php", "<mailto:jo@example.com> &lt;?php", 1),
        ("plain", "plain", 0),
    ],
    ids=plain_id,
)
def test_markup_in_a_posting_is_kept_as_text(text: str, inert: str, count: int) -> None:
    said = [f"kept {count} HTML tag(s) in the text as text, so the page shows them and runs nothing"] if count else []
    assert _repaired(inert_markup, text) == (inert, said)


def test_letters_styled_as_a_font_read_as_letters() -> None:
    assert plain_letters("𝐒𝐞𝐧𝐢𝐨𝐫 𝐃𝐚𝐭𝐚 𝐄𝐧𝐠𝐢𝐧𝐞𝐞𝐫 ¹²") == "Senior Data Engineer ¹²"


def test_repairing_mojibake_keeps_the_quotes_and_line_breaks_as_written() -> None:
    fixed, said = _repaired(fix_mojibake, "CafÃ© “quoted” line\u2028next")
    assert fixed == "Café “quoted” line\u2028next"
    assert len(said) == 1 and said[0].startswith("repaired mojibake (") and said[0].endswith("'CafÃ©' -> 'Café'")


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("One two three four five six:", True),
        ("One two three four five six seven:", False),  # a colon names a section in six words at most
        ("One two three four five six seven eight", False),  # no colon and no section's name
        ("Your responsibilities in the team and beyond it", True),  # eight words and a section's name
        ("Your responsibilities in the team and well beyond it", False),  # nine: a sentence
        ("Responsibilities include the following.", False),  # a full stop ends a sentence
    ],
    ids=plain_id,
)
def test_a_heading_line_is_short(line: str, heading: bool) -> None:
    assert _is_heading_line(line, "What comes next") is heading
    assert _is_heading_line(line, "   ") is False  # a heading has something under it


def test_a_plain_text_of_two_lines_is_left_as_it_is() -> None:
    assert _repaired(structure_plain_text, "Engineer\nRequirements:") == ("Engineer\nRequirements:", [])
    text, changes = _repaired(structure_plain_text, "Engineer\nRequirements:\nPython")
    assert "## Requirements" in text and changes


def test_a_list_under_a_heading_runs_to_its_last_line() -> None:
    text, _ = _repaired(structure_plain_text, "Engineer\nRequirements:\nPython\nGo")
    assert text.endswith("## Requirements\n\n- Python\n- Go\n")  # the last line goes on the list before it


def test_a_heading_loses_its_colon_only() -> None:
    text, _ = _repaired(structure_plain_text, "Engineer\nWhat you: will do:\nPython\nGo\n")
    assert "## What you: will do\n" in text


def test_windows_line_ends_become_plain_ones() -> None:
    assert repair_text("Engineer\r\nBerlin\r\n").text == "Engineer\nBerlin\n"


def test_a_text_that_is_empty_once_repaired_is_refused_in_roledex_words() -> None:
    with pytest.raises(UnreadableInput) as raised:
        repair_text("<p> </p>\n<div></div>")
    assert str(raised.value) == "holds no text once repaired"


@pytest.mark.parametrize(
    ("text", "html", "converted"),
    [
        ("<p>One paragraph</p>", True, True),
        ("<p>One paragraph</p>", False, False),
        ("<p>One</p><p>Two</p>", False, True),
    ],
    ids=["HTML with one tag", "a paste with one tag", "a paste with two"],
)
def test_html_known_as_such_is_converted_from_its_first_tag(text: str, html: bool, converted: bool) -> None:
    repaired = repair_text(text, html=html)
    assert ("<p>" not in repaired.text) is converted
    assert ("converted HTML to Markdown" in repaired.changes) is converted


def test_converted_html_is_not_restructured_as_plain_text() -> None:
    repaired = repair_text("<p>Engineer</p><p>Requirements:</p><p>Python</p><p>Go</p>", html=True)
    assert not any(str(change).startswith("gave the plain-text paste") for change in repaired.changes)


@pytest.mark.parametrize(
    ("text", "expected"), [("caf&Eacute;", "cafÉ"), ("caf&eacute;", "café"), ("&#X41;&#x42;", "AB")], ids=plain_id
)
def test_entities_are_decoded_whatever_their_case(text: str, expected: str) -> None:
    assert repair_text(text).text.strip() == expected

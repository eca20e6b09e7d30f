"""The local site's actions, as the WSGI layer around `mkdocs serve` answers them: only to its own
address, only with this run's secret, as JSON, from this origin, within a size; each action the
command line's own command, so the files change exactly as `roledex status` or `roledex event`
would change them; a file changed since the page was loaded is refused."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import time_machine
from conftest import invoke, make_site
from roledex.check.published import ACTION_MARKS
from roledex.kb.status_edit import version
from roledex.plugin import local_actions
from roledex.plugin.local_actions import PREFIX, LocalActions, host_names, install

P = "etsy-engineering-manager-ml-for-growth"
HOST = "127.0.0.1:8765"
ORIGIN = f"http://{HOST}"
PAGE = b"<html><body><h1>Hi</h1></body></html>"


def inner(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    """MkDocs' server, as far as the layer sees it: a page, a stylesheet, or nothing."""
    path = environ["PATH_INFO"]
    if path.endswith(".css"):
        start_response("200 OK", [("Content-Type", "text/css"), ("Content-Length", "4")])
        return [b"a{} "]
    if path == "/missing/":
        start_response("404 Not Found", [("Content-Type", "text/html")])
        return [b"<html><body>404</body></html>"]
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(PAGE)))])
    return [PAGE]


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, LocalActions]:
    docs = make_site(tmp_path)
    return tmp_path, LocalActions(inner, "127.0.0.1", 8765, docs, tmp_path / "mkdocs.yml")


def call(
    app: LocalActions, path: str, method: str = "GET", body: object = None, **headers: str
) -> tuple[str, dict[str, str], bytes]:
    raw = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else (body or b"")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.split("?", 1)[1] if "?" in path else "",
        "HTTP_HOST": HOST,
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(raw)),
        "wsgi.input": io.BytesIO(raw),
    }
    for name, value in headers.items():
        key = name.upper()
        environ[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{key}"] = value
    said: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        said.update(status=status, headers=dict(response_headers))

    content = b"".join(app(environ, start_response))
    return said["status"], said["headers"], content


def act(app: LocalActions, action: str, body: dict[str, Any], **headers: str) -> tuple[str, dict[str, Any]]:
    status, _, content = call(app, f"{PREFIX}api/{action}", "POST", body, x_roledex_token=app.token, **headers)
    return status, json.loads(content)


# --- the pages as sent ---


def test_each_page_is_sent_with_the_actions_script_and_this_runs_secret(site: tuple[Path, LocalActions]) -> None:
    _, app = site
    status, headers, content = call(app, "/applications/")
    assert status == "200 OK" and content.endswith(app.script_tag() + b"</body></html>")
    assert int(headers["Content-Length"]) == len(content)
    assert headers["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert app.token.encode() in content and len(app.token) >= 32


@pytest.mark.parametrize("path", ["/assets/site.css", "/missing/"])
def test_other_answers_pass_unchanged(site: tuple[Path, LocalActions], path: str) -> None:
    _, app = site
    _, _, content = call(app, path)
    assert b"_roledex" not in content


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "rebound.attacker.test", ""])
def test_a_request_for_another_host_is_refused_whatever_it_asks(site: tuple[Path, LocalActions], host: str) -> None:
    _, app = site
    for path in ("/", "/applications/", f"{PREFIX}api/state?page=applications/"):
        status, _, content = call(app, path, host=host)
        assert status.startswith("421") and b"etsy" not in content


@pytest.mark.parametrize(
    ("host", "port", "names"),
    [
        ("127.0.0.1", 8000, {"127.0.0.1:8000", "localhost:8000"}),
        ("localhost", 8000, {"127.0.0.1:8000", "localhost:8000"}),
        ("::1", 8000, {"[::1]:8000", "localhost:8000"}),
        ("127.0.0.2", 9, {"127.0.0.2:9"}),
    ],
)
def test_the_names_of_the_address_served(host: str, port: int, names: set[str]) -> None:
    assert host_names(host, port) == names


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("192.168.1.5", False), ("x", False)],
)
def test_only_a_loopback_address_gets_actions(host: str, loopback: bool, tmp_path: Path) -> None:
    class Server:
        app: Any = None

        def get_app(self) -> Any:
            return inner

        def set_app(self, app: Any) -> None:
            self.app = app

    server = Server()
    installed = install(server, host, 8000, tmp_path, tmp_path / "mkdocs.yml")
    assert (installed is not None) is loopback and (server.app is installed)


def test_a_server_without_a_wsgi_application_keeps_serving_without_actions(tmp_path: Path) -> None:
    assert install(object(), "127.0.0.1", 8000, tmp_path, tmp_path / "mkdocs.yml") is None


# --- what may write ---

MOVE = {"posting": P, "status": "applied", "date": "2026-12-01"}


@pytest.mark.parametrize(
    ("headers", "said"),
    [
        ({"x_roledex_token": ""}, "earlier run"),
        ({"x_roledex_token": "not-the-secret"}, "earlier run"),
        ({"origin": "http://evil.example"}, "another site"),
        ({"origin": "null"}, "another site"),
        ({"sec_fetch_site": "cross-site"}, "another site"),
        ({"sec_fetch_site": "same-site"}, "another site"),  # another port of this machine is another site
        ({"content_type": "text/plain"}, "sends JSON"),
        ({"content_type": "application/x-www-form-urlencoded"}, "sends JSON"),
        ({"content_length": str(10**9)}, "at most"),
    ],
    ids=[
        "no secret",
        "wrong secret",
        "other origin",
        "opaque origin",
        "cross-site",
        "same-site",
        "text",
        "form",
        "huge",
    ],
)
def test_a_write_without_every_proof_is_refused_and_changes_nothing(
    site: tuple[Path, LocalActions], headers: dict[str, str], said: str
) -> None:
    root, app = site
    before = {p: p.read_bytes() for p in (root / "docs").rglob("*.md")}
    merged = {"x_roledex_token": app.token, **headers}
    status, _, content = call(app, f"{PREFIX}api/move", "POST", MOVE, **merged)
    assert status.startswith("403") and said in json.loads(content)["said"]
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*.md")} == before
    assert not (root / "docs" / "applications" / "etsy-engineering-manager-ads-ml.md").exists()


@pytest.mark.parametrize(
    "raw", [b"not json", b"\xff\xfe", b"[1, 2]", b"[" * 60_000], ids=["text", "not utf-8", "a list", "nested deep"]
)
def test_a_form_that_is_no_json_object_is_refused_in_words(site: tuple[Path, LocalActions], raw: bytes) -> None:
    _, app = site
    status, _, content = call(app, f"{PREFIX}api/move", "POST", raw, x_roledex_token=app.token)
    assert status.startswith("400") and json.loads(content) == {"ok": False, "said": "the form could not be read"}


@pytest.mark.parametrize("method", ["OPTIONS", "GET", "PUT", "DELETE"])
def test_no_other_method_reaches_an_action(site: tuple[Path, LocalActions], method: str) -> None:
    _, app = site
    status, headers, _ = call(app, f"{PREFIX}api/move", method, MOVE, x_roledex_token=app.token)
    assert status[:3] in ("403", "404") and "Access-Control-Allow-Origin" not in headers


def test_the_state_of_a_page_is_not_given_to_another_site(site: tuple[Path, LocalActions]) -> None:
    _, app = site
    status, _, content = call(app, f"{PREFIX}api/state?page=applications/", sec_fetch_site="cross-site")
    assert status.startswith("403") and P.encode() not in content


# --- what the actions do ---


def test_a_move_changes_the_file_exactly_as_roledex_status_does(
    site: tuple[Path, LocalActions], tmp_path: Path
) -> None:
    root, app = site
    twin = tmp_path / "twin"
    shutil.copytree(root, twin, ignore=shutil.ignore_patterns("site"))
    path = Path("docs") / "applications" / f"{P}.md"
    with time_machine.travel("2026-12-06 12:00Z", tick=False):
        _, state = (lambda r: (r[0], json.loads(r[2])))(call(app, f"{PREFIX}api/state?page=applications/"))
        seen = state["applications"][P]["version"]
        status, answer = act(app, "move", {**MOVE, "next": "Call Jo", "next_date": "2026-12-09", "version": seen})
        assert status == "200 OK" and answer["ok"], answer
        typed = ("status", P, "applied", "--date", "2026-12-01", "--next", "Call Jo", "--next-date", "2026-12-09")
        assert invoke(*typed, cwd=twin).returncode == 0
    assert (root / path).read_bytes() == (twin / path).read_bytes()


def test_an_action_on_a_file_changed_since_the_page_was_loaded_is_refused(site: tuple[Path, LocalActions]) -> None:
    root, app = site
    path = root / "docs" / "applications" / f"{P}.md"
    seen = version(path.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8") + "\nEdited in an editor.\n", encoding="utf-8")
    edited = path.read_bytes()
    for action, body in (("move", MOVE), ("event", {"posting": P, "kind": "note", "note": "x"})):
        status, answer = act(app, action, {**body, "version": seen})
        assert status.startswith("422") and "changed since you loaded it; reload" in answer["said"]
        assert path.read_bytes() == edited


def test_a_logged_event_reads_back_in_the_check(site: tuple[Path, LocalActions]) -> None:
    root, app = site
    with time_machine.travel("2026-12-06 12:00Z", tick=False):
        assert act(app, "move", MOVE)[1]["ok"]
        for body in (
            {"kind": "round", "round": "technical", "date": "2026-12-10", "time": "14:30 Europe/London"},
            {"kind": "note", "note": "-- sent a thank-you --", "date": "2026-12-05"},  # a leading dash is a value
            {"kind": "todo", "note": "Send portfolio link", "due": "2026-12-08"},
        ):
            status, answer = act(app, "event", {"posting": P, **body})
            assert status == "200 OK", answer
        assert act(app, "event", {"posting": P, "kind": "todo", "number": "3", "done": True})[1]["ok"]  # by date: 3rd
        checked = invoke("check", cwd=root)
    assert checked.returncode == 0 and "error" not in checked.stdout
    text = (root / "docs" / "applications" / f"{P}.md").read_text(encoding="utf-8")
    assert 'note: "-- sent a thank-you --"' in text and "done: 2026-12-06" in text


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ({"posting": P, "status": "hired"}, "status: 'hired' is not one of"),
        ({"posting": "../../etc/passwd", "status": "applied"}, "expected a posting's slug"),
        ({"posting": P}, "status: required"),
        ({"posting": P, "status": "applied", "date": "soon"}, "--date"),
        ({"posting": "nothing-like-it", "status": "applied"}, "no posting 'nothing-like-it'"),
    ],
)
def test_a_form_the_command_would_refuse_is_said_in_its_words(
    site: tuple[Path, LocalActions], body: dict[str, Any], said: str
) -> None:
    _, app = site
    status, answer = act(app, "move", body)
    assert not answer["ok"] and said in answer["said"] and status[:3] in ("400", "422")


PASTE = """Staff Data Engineer
Company: Globex

Globex is hiring in Amsterdam.

Requirements
- Python

Salary: €90,000 - €120,000 per year
"""


def test_a_pasted_posting_is_previewed_then_saved_with_the_users_corrections(site: tuple[Path, LocalActions]) -> None:
    root, app = site
    status, preview = act(app, "preview", {"text": PASTE})
    assert status == "200 OK" and preview["data"]["title"] == "Staff Data Engineer"
    assert not list((root / "docs" / "postings").glob("globex-*"))  # a preview writes nothing
    status, saved = act(app, "save", {"text": PASTE, "title": "Staff Data Engineer, Platform", "work_mode": "hybrid"})
    assert status == "200 OK", saved
    assert saved["data"]["posting"] == "globex-staff-data-engineer-platform"
    text = (root / "docs" / "postings" / "globex-staff-data-engineer-platform.md").read_text(encoding="utf-8")
    assert "work_mode: hybrid" in text
    assert invoke("check", cwd=root).returncode == 0


def test_a_paste_that_names_no_company_is_previewed_and_saved_once_the_user_names_it(
    site: tuple[Path, LocalActions],
) -> None:
    root, app = site
    paste = "Senior Frontend Developer\n\n## Location\n\n* Hanoi, Vietnam\n* Hybrid\n\nSalary: up to $2,300 gross\n"
    status, preview = act(app, "preview", {"text": paste})
    assert status == "200 OK" and preview["ok"], preview
    assert preview["data"]["title"] == "Senior Frontend Developer" and preview["data"]["company_name"] is None
    assert any("no company found" in line for line in preview["data"]["warnings"])
    refused = act(app, "save", {"text": paste})[1]
    assert not refused["ok"] and "no company found" in refused["said"]
    status, saved = act(app, "save", {"text": paste, "company": "Linagora"})
    assert status == "200 OK" and saved["data"]["posting"] == "linagora-senior-frontend-developer", saved


def test_the_built_site_never_holds_the_actions(site: tuple[Path, LocalActions]) -> None:
    assert PREFIX.encode() in ACTION_MARKS and local_actions.SCRIPT_MARK.encode() in ACTION_MARKS
    root, app = site
    folder = root / "built"
    folder.mkdir()
    (folder / "index.html").write_bytes(call(app, "/")[2])
    result = invoke("publish-check", str(folder), cwd=root)
    assert result.returncode == 1 and "hold the local site's actions" in result.stderr


def test_a_page_already_on_record_shows_what_changed_and_updates_on_request(site: tuple[Path, LocalActions]) -> None:
    root, app = site
    address = "https://careers.globex.example/jobs/7"
    assert act(app, "save", {"text": PASTE, "url": address})[1]["ok"]
    changed = PASTE.replace("€90,000", "€95,000")
    status, preview = act(app, "preview", {"text": changed, "url": address})
    assert status == "200 OK" and preview["data"]["on_record"].endswith("globex-staff-data-engineer.md")
    assert any("salary.min: 90000 -> 95000" in line for line in preview["data"]["news"])
    refused = act(app, "save", {"text": changed, "url": address})[1]
    assert not refused["ok"] and "--update applies the changes" in refused["said"]
    assert act(app, "save", {"text": changed, "url": address, "update": True})[1]["ok"]
    text = (root / "docs" / "postings" / "globex-staff-data-engineer.md").read_text(encoding="utf-8")
    assert "min: 95000" in text

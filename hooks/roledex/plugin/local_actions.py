"""The local site's actions: a WSGI layer around `mkdocs serve`'s own application.

Only under `serve`, only on a loopback address: the built files never hold any of it. The layer
adds the actions' script to each HTML page as it is sent (with the secret made for this run),
serves that script, the capture page and a small JSON API, and refuses:

- any request whose `Host` is not the address served (a rebinding DNS name reaching loopback);
- a request that writes without this run's secret, as JSON, from this origin: a form or an
  image on another site cannot send the header, and a script there cannot either without a
  preflight, which is refused;
- bodies above a size; and every page is refused to frames of other sites (no clickjacking).

MkDocs' server is a `wsgiref` server; `get_app` and `set_app` are that library's public API.
A server without them keeps working without actions, and says so once.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from roledex.plugin import action_api

log = logging.getLogger("mkdocs.plugins.roledex")

ASSETS = Path(__file__).parent / "assets"
PREFIX = "/_roledex/"
"""Every address of the actions: outside any site's pages, and never in a built site."""
SCRIPT_MARK = "data-roledex-token"
"""What marks the injected script; `publish-check` fails a built site that holds it."""
SMALL_BODY = 64 * 1024
PAGE_BODY = 6 * 1024 * 1024
"""The most a form (64 KiB) or a captured page (6 MiB) may send."""
SECURITY_HEADERS = [
    ("X-Frame-Options", "DENY"),
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
]

StartResponse = Callable[..., Any]
App = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_names(host: str, port: int) -> frozenset[str]:
    """The `Host` values a browser sends for the address served: its own and `localhost`."""
    names = {host, "localhost", "127.0.0.1"} if host in ("localhost", "127.0.0.1") else {host}
    if ":" in host.strip("[]"):  # IPv6
        names = {f"[{host.strip('[]')}]", "localhost"}
    return frozenset(f"{name}:{port}".lower() for name in names)


class LocalActions:
    """The WSGI application MkDocs' server runs, wrapping its own."""

    def __init__(self, inner: App, host: str, port: int, docs: Path, config: Path) -> None:
        self.inner = inner
        self.docs = docs
        self.config = config
        self.token = secrets.token_urlsafe(32)
        self.hosts = host_names(host, port)
        self.origins = frozenset(f"http://{name}" for name in self.hosts)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("HTTP_HOST", "").lower() not in self.hosts:
            return _plain(start_response, "421 Misdirected Request", "This server answers only to its own address.")
        path = environ.get("PATH_INFO", "")
        if path.startswith(PREFIX):
            return self._roledex(environ, start_response, path[len(PREFIX) :])
        return self._page(environ, start_response)

    # --- pages: the script added as they are sent ---

    def script_tag(self) -> bytes:
        return f'<script src="{PREFIX}actions.js" {SCRIPT_MARK}="{self.token}" defer></script>'.encode()

    def _page(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        said: dict[str, Any] = {}

        def keep(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], Any]:
            said.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None

        body = self.inner(environ, keep)
        headers = [(k, v) for k, v in said["headers"] if k.lower() != "x-frame-options"] + SECURITY_HEADERS
        kind = next((v for k, v in headers if k.lower() == "content-type"), "")
        if not kind.startswith("text/html") or not said["status"].startswith("200"):
            start_response(said["status"], headers, said.get("exc_info"))
            return body
        try:
            content = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        end = content.rfind(b"</body>")
        end = len(content) if end == -1 else end
        content = content[:end] + self.script_tag() + content[end:]
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"] + [
            ("Content-Length", str(len(content)))
        ]
        start_response(said["status"], headers)
        return [content]

    # --- the actions' own addresses ---

    def _roledex(self, environ: dict[str, Any], start_response: StartResponse, route: str) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method == "GET" and route == "actions.js":
            return _file(start_response, ASSETS / "actions.js", "text/javascript; charset=utf-8")
        if method == "GET" and route == "capture":
            page = (ASSETS / "capture.html").read_bytes().replace(b"</body>", self.script_tag() + b"</body>")
            return _respond(start_response, "200 OK", "text/html; charset=utf-8", page)
        if method == "GET" and route == "api/state":
            if not self._same_origin(environ):
                return _json(start_response, "403 Forbidden", {"ok": False, "said": "not from this site"})
            page = parse_qs(environ.get("QUERY_STRING", "")).get("page", [""])[0]
            return _json(start_response, "200 OK", {"ok": True, **action_api.state(self.docs, page)})
        if method == "POST" and route in ("api/move", "api/event", "api/preview", "api/save"):
            return self._act(environ, start_response, route[len("api/") :])
        if method == "OPTIONS":  # no cross-origin request is ever allowed
            return _plain(start_response, "403 Forbidden", "No.")
        return _plain(start_response, "404 Not Found", "No such action.")

    def _same_origin(self, environ: dict[str, Any]) -> bool:
        """Not from another site: the browser's own word where it gives it (Origin, Sec-Fetch-Site)."""
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin.lower() not in self.origins:
            return False
        return environ.get("HTTP_SEC_FETCH_SITE", "same-origin") in ("same-origin", "none")

    def refusal(self, environ: dict[str, Any], limit: int) -> str:
        """Why a request that writes is refused, or ''."""
        if not self._same_origin(environ):
            return "refused: the request comes from another site"
        if not hmac.compare_digest(environ.get("HTTP_X_ROLEDEX_TOKEN", ""), self.token):
            return "refused: this page is from an earlier run of the server; reload it"
        if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            return "refused: an action sends JSON"
        try:
            length = int(environ.get("CONTENT_LENGTH") or "-1")
        except ValueError:
            length = -1
        if not 0 <= length <= limit:
            return f"refused: an action sends at most {limit // 1024} KiB"
        return ""

    def _act(self, environ: dict[str, Any], start_response: StartResponse, action: str) -> Iterable[bytes]:
        limit = PAGE_BODY if action in ("preview", "save") else SMALL_BODY
        refused = self.refusal(environ, limit)
        if refused:
            return _json(start_response, "403 Forbidden", {"ok": False, "said": refused})
        try:
            payload = json.loads(environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"])).decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):  # JSON nested past Python's own limit too
            return _json(start_response, "400 Bad Request", {"ok": False, "said": "the form could not be read"})
        if not isinstance(payload, dict):
            return _json(start_response, "400 Bad Request", {"ok": False, "said": "the form could not be read"})
        try:
            answer = self._dispatch(action, payload)
        except action_api.Refused as problem:
            return _json(start_response, "400 Bad Request", {"ok": False, "said": str(problem)})
        status = "200 OK" if answer.ok else "422 Unprocessable Content"
        return _json(start_response, status, {"ok": answer.ok, "said": answer.said, "data": answer.data})

    def _dispatch(self, action: str, payload: dict[str, Any]) -> action_api.Answer:
        if action == "move":
            return action_api.move(self.docs, payload)
        if action == "event":
            return action_api.log_event(self.docs, payload)
        if action == "preview":
            return action_api.preview(self.docs, payload)
        return action_api.save(self.docs, self.config, payload)


def _respond(start_response: StartResponse, status: str, kind: str, body: bytes) -> list[bytes]:
    headers = [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")]
    start_response(status, headers + SECURITY_HEADERS)
    return [body]


def _plain(start_response: StartResponse, status: str, text: str) -> list[bytes]:
    return _respond(start_response, status, "text/plain; charset=utf-8", text.encode())


def _json(start_response: StartResponse, status: str, value: dict[str, Any]) -> list[bytes]:
    return _respond(start_response, status, "application/json; charset=utf-8", json.dumps(value).encode())


def _file(start_response: StartResponse, path: Path, kind: str) -> list[bytes]:
    return _respond(start_response, "200 OK", kind, path.read_bytes())


def install(server: Any, host: str, port: int, docs: Path, config: Path) -> LocalActions | None:
    """Wrap the server's application with the actions, or say in one line why not."""
    if not is_loopback(host):
        log.warning(
            "roledex: the site's actions are off: it is served on %s, not a loopback address, and anyone who "
            "reaches that address could change your files; serve on 127.0.0.1 to use them",
            host,
        )
        return None
    if not (callable(getattr(server, "get_app", None)) and callable(getattr(server, "set_app", None))):
        log.info("roledex: this MkDocs' server takes no WSGI layer; the site's actions are off")
        return None
    actions = LocalActions(server.get_app(), host, port, docs, config)
    server.set_app(actions)
    return actions

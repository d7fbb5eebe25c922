"""A static web server on 127.0.0.1 for the browser tests: the page, LHC-Forms, the Questionnaires.

`/` is tests/browser/page, `/previsit/` packaging/previsit/page (for its fixes to
LHC-Forms's layout), `/lforms/` the prebuilt dist of the npm package that
`./run test` installs into tests/browser/node_modules, and `/questionnaire/R4-es.json`
(R4 or R5, each language of the form) the Questionnaire the test exported a moment before.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).parent
PAGE_DIR = HERE / "page"
NODE_MODULES = HERE / "node_modules"
LFORMS_DIST = NODE_MODULES / "lforms" / "dist" / "lforms"
PREVISIT_PAGE = HERE.parents[1] / "packaging" / "previsit" / "page"
"""The pre-visit page's files: the test page takes its fixes to LHC-Forms's layout from there."""
NPM_HINT = "LHC-Forms not installed in tests/browser/node_modules (./run test runs `npm ci` there)"


def questionnaire_name(release: str, language: str) -> str:
    """What the page asks for (`index.html?fhir=R4&lang=es` loads /questionnaire/R4-es.json)."""
    return f"{release}-{language}"


class _Handler(SimpleHTTPRequestHandler):
    """Files from the page folder or the lforms dist; Questionnaires from memory."""

    questionnaires: Mapping[str, bytes] = {}

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        name = path.removeprefix("/questionnaire/")
        if name != path:
            body = self.questionnaires.get(name)
            if body is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        address = urlsplit(path).path
        for prefix, folder in (("/lforms/", LFORMS_DIST), ("/previsit/", PREVISIT_PAGE)):
            if address.startswith(prefix):
                return str(folder / address.removeprefix(prefix))
        return super().translate_path(path)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest shows what matters."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest shows what matters."""


@contextmanager
def serving(questionnaires: Mapping[str, dict[str, Any]]) -> Iterator[str]:
    """Serves until the block ends; yields the base address (http://127.0.0.1:PORT)."""
    files = {f"{name}.json": json.dumps(resource).encode("utf-8") for name, resource in questionnaires.items()}
    handler = type("Handler", (_Handler,), {"questionnaires": files})
    with _running(ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(PAGE_DIR)))) as base:
        yield base


@contextmanager
def serving_folder(folder: Path) -> Iterator[str]:
    """A folder of static files, as a clinic's web server serves the pre-visit page; yields the base address."""
    with _running(ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))) as base:
        yield base


@contextmanager
def _running(server: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

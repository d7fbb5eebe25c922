"""Headless Chromium driven over the Chrome DevTools Protocol, for the browser tests.

Debian's `chromium` package and a websocket: nothing is downloaded at test time (no
browser builds from a CDN, no driver binaries). The page is driven as a person drives it:
mouse presses at an element's place on screen and typed text, through `Input.*`;
scripts run in the page only to find where things are and to read what the page says.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import websocket

CANDIDATES = ("chromium", "chromium-browser")
INSTALL_HINT = "Chromium not installed here (Debian: apt install chromium; ./run test installs it when run as root)"
# Without the background-networking switches Chromium keeps calling home, which this
# closed network refuses; the sandbox needs a user namespace that root in a container lacks.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--hide-scrollbars", "--mute-audio", "--remote-debugging-port=0", "--lang=en-US",
)
STARTUP_SECONDS = 30


class BrowserError(Exception):
    pass


def chromium_path() -> str | None:
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


@dataclass(frozen=True)
class Box:
    """Where an element is in the viewport, in CSS pixels."""

    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


class Page:
    """One tab: commands go out as JSON over its websocket; replies are matched by id. Events are
    dropped unless a `recording` block asked for their domain."""

    def __init__(self, socket: websocket.WebSocket) -> None:
        self._socket = socket
        self._ids = itertools.count(1)
        self._events: list[dict[str, Any]] | None = None

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        message_id = next(self._ids)
        self._socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self._socket.recv())
            if "method" in reply and self._events is not None:
                self._events.append(reply)
            if reply.get("id") != message_id:
                continue
            if "error" in reply:
                raise BrowserError(f"{method}: {reply['error'].get('message')}")
            return reply["result"]

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a script expression (awaited when it is a promise); a thrown error fails the test."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(f"in the page: {details.get('exception', {}).get('description') or details.get('text')}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0, what: str = "") -> Any:
        """Polls until the expression is truthy; its value. While a page loads, a script may find no
        document to run in: that counts as "not yet"."""
        deadline = time.monotonic() + timeout
        last_error: BrowserError | None = None
        while True:
            try:
                value = self.evaluate(expression)
            except BrowserError as error:
                value, last_error = None, error
            if value:
                return value
            if time.monotonic() > deadline:
                reason = f" (last: {last_error})" if last_error else ""
                raise BrowserError(f"timed out after {timeout:.0f} s waiting for {what or expression}{reason}")
            time.sleep(0.1)

    def open(self, url: str) -> None:
        """Loads the address afresh; returns once the tab shows the new document (scripts may still be running)."""
        for address in ("about:blank", url):
            self.send("Page.navigate", url=address)
            self.wait_for(f"location.href === {json.dumps(address)}", what=f"the tab to show {address}")

    def set_viewport(self, width: int, height: int, mobile: bool = False) -> None:
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)

    def click(self, x: float, y: float) -> None:
        """A left-button press and release at a point of the viewport, as a mouse or a finger would."""
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def type_text(self, text: str) -> None:
        """Typed into whatever has the focus, one key at a time, so key handlers see every character."""
        for character in text:
            self.send("Input.dispatchKeyEvent", type="keyDown", text=character, unmodifiedText=character, key=character)
            self.send("Input.dispatchKeyEvent", type="keyUp", key=character)

    def press(self, key: str, code: str, key_code: int) -> None:
        """A named key (Tab, Enter, ArrowDown...)."""
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=key_code)

    @contextmanager
    def recording(self, domain: str) -> Iterator[list[dict[str, Any]]]:
        """The domain's events (`Network`: every request the page makes) while the block runs, as they
        arrive with the replies to the block's commands; one more command at the end takes in the last."""
        events: list[dict[str, Any]] = []
        self._events = events
        self.send(f"{domain}.enable")
        try:
            yield events
        finally:
            self.evaluate("0")
            self.send(f"{domain}.disable")
            self._events = None

    def save_downloads_to(self, folder: Path) -> None:
        """Files the page offers for download are saved in the folder, under the names the page gives them."""
        self.send("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(folder))

    def screenshot(self, path: Path, full_page: bool = True) -> None:
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            metrics = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": metrics["width"], "height": metrics["height"], "scale": 1}
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", **params)["data"]))


def _devtools_port(profile: Path, process: subprocess.Popen[bytes]) -> int:
    """Chromium writes the port it chose into the profile folder once it listens."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BrowserError(f"chromium exited with status {process.returncode} before listening")
        if marker.exists() and (lines := marker.read_text().split()):
            return int(lines[0])
        time.sleep(0.05)
    raise BrowserError(f"chromium did not listen within {STARTUP_SECONDS} s")


def _page_socket(port: int) -> websocket.WebSocket:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as reply:
        targets = json.load(reply)
    page = next(target for target in targets if target["type"] == "page")
    return websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)


@contextmanager
def headless_chromium(executable: str) -> Iterator[Page]:
    """A fresh Chromium with an empty profile, and its first tab; both gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="intake-chromium-", ignore_cleanup_errors=True) as folder:
        profile = Path(folder)
        process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            socket = _page_socket(_devtools_port(profile, process))
            try:
                yield Page(socket)
            finally:
                socket.close()
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

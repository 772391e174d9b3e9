"""axe-core in headless Chromium, for the suite: the WCAG 2.1 A/AA violations of an HTML page.

axe-core comes from the npm registry, pinned below, into ``.cache/npm`` of
the checkout (git-ignored): ``./dev test`` fetches it once (``python
tests/axe_check.py install``), and the suite does the same if it is missing.
The page is opened in Chromium from its file, untouched; axe is injected
and run through the DevTools protocol over a pipe (``--remote-debugging-pipe``:
no port, no network), and the violations come back as data.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

__all__ = [
    "AXE_CORE",
    "WCAG21_AA",
    "Unavailable",
    "axe_script",
    "chromium",
    "describe",
    "violations",
]

# Pinned: a new axe release can add rules, and the suite should not start
# failing on its own. Raise it by hand and fix what the new rules find.
AXE_CORE = "axe-core@4.14.1"
WCAG21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

CHECKOUT = Path(__file__).resolve().parent.parent
CACHE = CHECKOUT / ".cache" / "npm"
_SCRIPT = CACHE / "node_modules" / "axe-core" / "axe.min.js"
# Nothing written outside the cache, no install scripts run.
_NPM_FLAGS = ("--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts")


_UNFOLD = "document.querySelectorAll('details').forEach(d => { d.open = true; })"


class Unavailable(Exception):
    """Chromium, npm or axe-core cannot be had here (the test skips, saying which)."""


def chromium() -> str:
    found = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
    if found is None:
        raise Unavailable("Chromium is not installed (apt-get install chromium)")
    return found


def _installed_version() -> str | None:
    try:
        package = json.loads((_SCRIPT.parent / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return package.get("version") if _SCRIPT.is_file() else None


def axe_script() -> Path:
    """axe.min.js of the pinned axe-core, installed from the npm registry if missing."""
    wanted = AXE_CORE.rpartition("@")[2]
    if _installed_version() == wanted:
        return _SCRIPT
    npm = shutil.which("npm")
    if npm is None:
        raise Unavailable("npm is not installed (apt-get install npm), so axe-core cannot be had")
    CACHE.mkdir(parents=True, exist_ok=True)
    # Two test workers on a fresh checkout: one installs, the other waits.
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _installed_version() == wanted:
            return _SCRIPT
        done = subprocess.run(
            [npm, "install", "--prefix", str(CACHE), *_NPM_FLAGS, AXE_CORE],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    if done.returncode != 0 or _installed_version() != wanted:
        raise Unavailable(f"npm install {AXE_CORE} failed: {done.stderr.strip()[-500:]}")
    return _SCRIPT


def _high(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class _DevTools:
    """Chromium's DevTools protocol over the pipe it reads on fd 3 and writes on fd 4."""

    def __init__(self, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium's ends at fd 10 or above, so the shell's 3<& and 4>& below
        # cannot overwrite one with the other (a test runner may have left
        # fds 3 and 4 free for the pipes themselves).
        to_chrome_r, from_chrome_w = (_high(fd) for fd in (to_chrome_r, from_chrome_w))
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # bash (dash takes one-digit fds only) puts the two pipe ends where
        # Chromium expects them.
        script = f'exec "$0" "$@" 3<&{to_chrome_r} 4>&{from_chrome_w}'
        self.process = subprocess.Popen(
            ["bash", "-c", script, chromium(), *flags],
            pass_fds=(to_chrome_r, from_chrome_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def wait_for(self, event: str) -> None:
        while self._read().get("method") != event:
            pass

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError):
            self.call("Browser.close")
        for fd in (self._to_chrome, self._from_chrome):
            os.close(fd)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def violations(pages: list[Path], tags: tuple[str, ...] = WCAG21_AA) -> dict[Path, list[dict]]:
    """axe-core's violations of the rules tagged `tags`, for each page (one browser for all)."""
    script = axe_script().read_text(encoding="utf-8")
    found: dict[Path, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="hrdraft-axe-") as profile:
        tools = _DevTools(Path(profile))
        try:
            target = tools.call("Target.createTarget", url="about:blank")["targetId"]
            session = tools.call("Target.attachToTarget", targetId=target, flatten=True)[
                "sessionId"
            ]
            tools.call("Page.enable", session)
            for page in pages:
                tools.call("Page.navigate", session, url=page.resolve().as_uri())
                tools.wait_for("Page.loadEventFired")
                # What a reader can unfold is checked too (the redline's
                # unchanged sections are folded in <details>).
                tools.call("Runtime.evaluate", session, expression=_UNFOLD)
                tools.call("Runtime.evaluate", session, expression=script)
                options = json.dumps({"runOnly": {"type": "tag", "values": list(tags)}})
                result = tools.call(
                    "Runtime.evaluate",
                    session,
                    expression=(
                        f"axe.run(document, {options})"
                        ".then(r => JSON.stringify({violations: r.violations, "
                        "passes: r.passes.length}))"
                    ),
                    awaitPromise=True,
                    returnByValue=True,
                )
                if "exceptionDetails" in result:
                    raise RuntimeError(f"axe failed on {page}: {result['exceptionDetails']}")
                data = json.loads(result["result"]["value"])
                if not data["passes"]:
                    raise RuntimeError(f"axe passed no rule on {page}: it did not really run")
                found[page] = data["violations"]
        finally:
            tools.close()
    return found


def describe(found: list[dict]) -> str:
    """Violations as lines a person can act on: rule, impact, help, the elements."""
    lines = []
    for v in found:
        targets = [", ".join(n["target"]) for n in v["nodes"][:5]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return "\n".join(lines)


if __name__ == "__main__":  # python tests/axe_check.py install | PAGE.html ...
    import sys

    if sys.argv[1:] == ["install"]:  # quiet when it is there already
        try:
            if _installed_version() != AXE_CORE.rpartition("@")[2]:
                print(f"==> Installing {AXE_CORE} into {CACHE}")
                axe_script()
        except Unavailable as exc:
            sys.exit(f"axe-core: {exc}")
    else:
        results = violations([Path(p) for p in sys.argv[1:]])
        for path, found in results.items():
            print(f"{path}: {len(found)} violations")
            if found:
                print(describe(found))
        sys.exit(1 if any(results.values()) else 0)

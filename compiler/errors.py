"""Errors a user can cause, each with a message that says what to do.

The CLI prints these as one line (no traceback) and exits non-zero; any
other exception reaching the CLI is a bug of ours.
"""

from __future__ import annotations


class HrdraftError(Exception):
    """Base class: a problem with the user's input, configuration or request."""

    exit_code = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  {self.hint}" if self.hint else self.message


class InputFileError(HrdraftError):
    """A file that cannot be read at all (bad encoding, broken quoting, not JSON)."""

    def __init__(self, path: str, message: str, line: int | None = None, hint: str = "") -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}", hint)
        self.path = path
        self.line = line


class NotFoundError(HrdraftError):
    """A name the user gave (report type, edition, section, version) does not exist."""


class PluginError(HrdraftError):
    """A plugin failed to load or returned something the core cannot use."""

    exit_code = 3


def choices(valid: list[str] | tuple[str, ...]) -> str:
    """'valid choices: a, b, c' for an error hint."""
    return "valid choices: " + (", ".join(valid) if valid else "(none)")

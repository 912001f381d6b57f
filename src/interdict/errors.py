"""The one family of errors a user can act on.

Every error names what is wrong in the user's terms (field, rule, value) and what to do about it.
The CLI, the API and the pages render them the same way (see `InterdictError.as_dict`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input: which field, which rule it breaks, the value it had."""

    field: str
    rule: str
    value: Any
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        shown = repr(self.value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        return f"{self.field}: {self.message} [rule {self.rule}, value {shown}]"


class InterdictError(Exception):
    """Base of every error raised on purpose; `problems` say exactly what, `hint` what to do."""

    status_code = 400

    def __init__(self, message: str, *, problems: list[Problem] | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []
        self.hint = hint

    def as_dict(self) -> dict[str, Any]:
        return {
            "error": type(self).__name__,
            "message": self.message,
            "problems": [p.as_dict() for p in self.problems],
            "hint": self.hint,
        }

    def __str__(self) -> str:
        lines = [self.message, *(f"  - {p}" for p in self.problems)]
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)


class InvalidInput(InterdictError):
    """The input breaks a rule of records.md, of a profile schema or of a command's options."""


class NotFound(InterdictError):
    status_code = 404


class AccessDenied(InterdictError):
    status_code = 403


class Conflict(InterdictError):
    status_code = 409

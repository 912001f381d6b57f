"""The one family of errors a user can act on.

Every error names what is wrong in the user's terms (field, rule, value) and what to do about it.
The CLI, the API and the pages render them the same way (see `InterdictError.as_dict`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

# A byte its file's encoding could not read is a lone surrogate in the decoded text (surrogateescape):
# no database, JSON reply or terminal takes one, so it is shown as \x83 (and any other as \udXXX).
SURROGATE = re.compile("[\ud800-\udfff]")


def escaped_surrogate(match: re.Match[str]) -> str:
    """A lone surrogate as text: the byte it stands for (`\\x83`), or its code (`\\udXXX`)."""
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _shown(value: Any) -> Any:
    """`value` with every lone surrogate in its text written out (see `escaped_surrogate`)."""
    if isinstance(value, str):
        return SURROGATE.sub(escaped_surrogate, value)
    if isinstance(value, (list, tuple)):
        return [_shown(v) for v in value]
    if isinstance(value, dict):
        return {_shown(k): _shown(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input: which field, which rule it breaks, the value it had."""

    field: str
    rule: str
    value: Any
    message: str

    def as_dict(self) -> dict[str, Any]:
        return _shown(asdict(self))

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
            "message": _shown(self.message),
            "problems": [p.as_dict() for p in self.problems],
            "hint": _shown(self.hint),
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

"""The README's command reference names every command the CLI has: a newcomer reads there what
`interdict` can do, so a command added without a word in it is a command nobody finds."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from interdict.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands(command, path: tuple[str, ...] = ()):  # noqa: ANN001, ANN202
    subcommands = getattr(command, "commands", None)
    if not subcommands:
        yield path
        return
    for name, sub in subcommands.items():
        if not sub.hidden:
            yield from _commands(sub, path + (name,))


def documented(text: str) -> set[tuple[str, ...]]:
    """Every command path the README's `interdict a|b c|d` spans name (each word's alternatives)."""
    out: set[tuple[str, ...]] = set()
    for span in re.finditer(r"`interdict ([a-z-]+(?:\|[a-z-]+)*(?: [a-z-]+(?:\|[a-z-]+)*)*)", text):
        paths: list[tuple[str, ...]] = [()]
        for word in span.group(1).split(" "):
            paths = [p + (alternative,) for p in paths for alternative in word.split("|")]
        out.update(p[:n] for p in paths for n in range(1, len(p) + 1))
    return out


def test_documented_reads_alternatives_and_nested_groups() -> None:
    spans = documented("`interdict firearms record|list` and `interdict firearms trace create|send --x`")
    assert {("firearms", "record"), ("firearms", "list"), ("firearms", "trace", "create"),
            ("firearms", "trace", "send")} <= spans
    assert ("firearms", "trace", "close") not in spans


def test_every_command_is_in_the_readme() -> None:
    commands = list(_commands(typer.main.get_command(app)))
    assert len(commands) > 40  # the walk reached the groups' commands, not only the groups
    missing = [" ".join(c) for c in commands if c not in documented(README.read_text(encoding="utf-8"))]
    assert not missing, f"commands without a word in README.md: {missing}"

"""Secrets the application needs at run time, never in the repository: read from `INTERDICT_<NAME>`
in the environment, or generated once into a file under `INTERDICT_HOME/secrets/` (mode 0600).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from interdict.settings import get_settings


def secret(name: str) -> bytes:
    """The named secret; generated on first use when neither the environment nor the file has it."""
    from_env = os.environ.get(f"INTERDICT_{name.upper()}")
    if from_env:
        return from_env.encode()
    folder: Path = get_settings().home / "secrets"
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # O_EXCL: two processes starting at once must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
    return path.read_text().strip().encode()

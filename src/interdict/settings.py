"""Settings read from `INTERDICT_*` environment variables, validated once at start.

The defaults need nothing installed: a SQLite file under `INTERDICT_HOME` (outside the repository,
like every generated secret).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INTERDICT_", extra="ignore")

    home: Path = Field(default=Path.home() / ".interdict", description="where data and secrets live")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default SQLite in home")
    ingest_chunk: int = Field(default=2000, ge=1, description="records written per transaction")
    ingest_workers: int = Field(default=0, ge=0, description="processes validating large files (0: none)")
    ingest_pipeline: bool = Field(
        default=True, description="large shipment files: read and validated in a second process while this one writes"
    )

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.home.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.home / 'interdict.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

"""Ingest: the front door for records.md files and API bodies, with exact validation and a
quarantine that loses nothing."""

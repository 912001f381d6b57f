"""A fourth, independent traffic generator: written from records.md and threats.md only."""

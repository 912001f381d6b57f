"""The store: one SQLAlchemy metadata for every capability, SQLite by default, PostgreSQL for real."""

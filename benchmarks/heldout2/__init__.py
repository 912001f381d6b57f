"""Third independent traffic generator: see README.md."""

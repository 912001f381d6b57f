"""`python -m interdict` is the `interdict` command."""

from interdict.cli import main

main()

"""heldout4: a fifth independent traffic generator for checking the platform's targeting.

Written from records.md and threats.md only; imports nothing from `interdict` nor other benchmarks.
"""

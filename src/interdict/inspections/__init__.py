"""Inspections and seizures: hit lists, claims, inspection outcomes and what they found."""

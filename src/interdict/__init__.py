"""Interdict: risk targeting and interdiction of illicit goods at borders."""
__version__ = "0.1.0"

"""Firearms: identification (category, make, model, calibre, serial, markings), matching across
seizures, tracing requests and answers, and statistics in UNODC's categories."""

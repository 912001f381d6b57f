"""Reporting: dashboards, statistics and exports (CSV, Excel, PDF) that are safe to open."""

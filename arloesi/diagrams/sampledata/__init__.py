"""Demo and benchmark builders for driver diagrams (tools, not runtime: docs/ARCHITECTURE.md)."""

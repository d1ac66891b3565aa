"""Driver diagrams: aim → primary drivers → secondary drivers → change ideas.

The pure heart (no Django): ``document`` reads and writes the exchange format (v1),
``layout`` places the boxes and routes the links, ``drawing`` turns a layout into SVG.
"""

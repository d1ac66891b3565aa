"""Reads of learning: the app's front door."""

from arloesi.learning.selectors.finding import finding_page
from arloesi.learning.selectors.finding import places as finding_places

__all__ = ["finding_page", "finding_places"]

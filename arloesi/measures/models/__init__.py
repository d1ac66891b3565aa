"""Measures on a driver diagram's boxes (``definition``), and their data and annotations
(``data``)."""

from arloesi.measures.models.data import Annotation, DataPoint
from arloesi.measures.models.definition import Measure

__all__ = ["Annotation", "DataPoint", "Measure"]

"""Finding learning in the demo: everything the other demo loaders made through the services is
indexed as it was written; the index is rebuilt at the end anyway, for anything made in bulk."""

from arloesi.core import search
from arloesi.core.sampledata import DemoReport, register_demo


def load_demo() -> DemoReport:
    written = search.reindex_all()
    return DemoReport(notes=[f"Finding learning: {written} documents in the search index."])


register_demo("learning: finding", load_demo, order=1000)

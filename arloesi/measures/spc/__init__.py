"""The SPC engine: run, XmR, MR, p, p′, u, u′ and c charts read with Making Data Count (as
NHSRplotthedots computes it), Anhøj's rules (as qicharts2 does) or the IHI run-chart rules.

Pure: the standard library only, no Django, no I/O. ``compute(Request)`` gives a ``Result``;
``respond(dict)`` is the command's contract (``arloesi spc``), JSON object in, JSON object out.
"""

from arloesi.measures.spc.contract import RequestError, parse, respond, to_json
from arloesi.measures.spc.engine import compute
from arloesi.measures.spc.model import Finding, Phase, Point, Request, Result

__all__ = [
    "Finding",
    "Phase",
    "Point",
    "Request",
    "RequestError",
    "Result",
    "compute",
    "parse",
    "respond",
    "to_json",
]

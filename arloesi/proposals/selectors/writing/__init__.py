"""Reads for the authors' side: the pages they write on, what screening would say, and the
proposal as others read it."""

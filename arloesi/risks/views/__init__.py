"""Risk register pages: a register (``register``) and one entry (``entry``)."""

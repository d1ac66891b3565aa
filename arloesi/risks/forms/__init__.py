"""Forms of the risk registers: an entry and its scores, status, review and actions
(``register``); a board's matrix and importing a register (``settings``)."""

"""The rule sets: Making Data Count (``mdc``), Anhøj (``anhoej``) and the IHI run-chart rules
(``ihi``)."""

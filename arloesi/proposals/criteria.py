"""The criteria a planning group's first intake starts with; the chair changes them from there.

Stored as data in both languages (not as translatable messages), because a chair may rename
or reweight them: what is stored is what the reviewers see.
"""

from decimal import Decimal

# (English, Welsh, weight). Weights are relative: scores are a weighted mean on the 1–5 scale.
DEFAULT_CRITERIA = [
    ("Fit with local priorities", "Cyd-fynd â’r blaenoriaethau lleol", Decimal(20)),
    ("Benefit to patients and population", "Budd i gleifion a’r boblogaeth", Decimal(20)),
    ("Reach to vulnerable groups", "Cyrraedd grwpiau agored i niwed", Decimal(10)),
    ("Feasibility and capacity", "Dichonoldeb a chapasiti", Decimal(15)),
    ("Value for money", "Gwerth am arian", Decimal(15)),
    ("Quality of the evaluation plan", "Ansawdd y cynllun gwerthuso", Decimal(10)),
    ("Scalability", "Y gallu i gynyddu graddfa", Decimal(10)),
]

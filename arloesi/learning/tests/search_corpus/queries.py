"""Twenty queries, ten in English and ten in Welsh, as people would type them, each with the
topics a person asking it would want (hand-labelled). A document is relevant to a query when it
is on one of its topics and written in the query's language (the search does not translate)."""

QUERIES = [
    # (language, query, relevant topics)
    ("en", "blood pressure checks at the pharmacy", {"bp_pharmacy"}),
    ("en", "inhaler technique", {"inhaler"}),
    ("en", "preventing falls in older people", {"falls"}),
    ("en", "loneliness link worker", {"social_prescribing"}),
    ("en", "frail patients huddle", {"frailty_huddle"}),
    ("en", "reminders for vaccinations", {"immunisation_texts"}),
    ("en", "diabetic foot ulcers", {"diabetes_feet"}),
    ("en", "medicines review in care homes", {"care_home_meds", "polypharmacy"}),
    ("en", "quit smoking", {"smoking_cessation"}),
    ("en", "leg ulcer compression", {"wound_care"}),
    ("cy", "gwiriadau pwysedd gwaed fferyllfa", {"bp_pharmacy"}),
    ("cy", "techneg anadlydd", {"inhaler"}),
    ("cy", "atal cwympiadau", {"falls"}),
    ("cy", "presgripsiynu cymdeithasol unigrwydd", {"social_prescribing"}),
    ("cy", "ffisiotherapydd poen cefn", {"physio_first"}),
    ("cy", "iechyd meddwl gorbryder", {"mental_health_practitioner"}),
    ("cy", "colli pwysau", {"weight_management"}),
    ("cy", "ffibriliad atrïaidd", {"atrial_fibrillation"}),
    ("cy", "gofalwyr di-dâl", {"carers_support"}),
    ("cy", "ymgynghoriadau Cymraeg", {"welsh_language_services"}),
]

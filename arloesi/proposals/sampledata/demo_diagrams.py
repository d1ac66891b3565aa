"""The driver diagrams of three demo proposals, in the exchange format: the inhaler checks
(approved, so its project starts with a copy), the frailty huddles (under review) and the
blood-pressure checks (a draft its authors can still change). The figures are illustrative."""


def _document(title, smart, nodes, links):
    return {
        "format": "driver-diagram/1",
        "title": title,
        "smart_aim": smart,
        "nodes": [{"id": i, "kind": k, "text": t} for i, k, t in nodes],
        "links": [{"from": s, "to": t, "strength": w} for s, t, w in links],
    }


INHALERS = _document(
    "Inhaler technique checks: driver diagram",
    {
        "what": "People with asthma or COPD using their inhaler correctly",
        "how_much": "From about one in three to two in three",
        "for_whom": "People who collect inhalers from six Rhondda pharmacies",
        "by_when": "2027-12-31",
        "baseline": "34% correct technique in a pilot week, October 2026 (illustrative)",
        "target": "65% correct technique at the second check",
    },
    [
        ("aim", "aim", "65% of people checked use their inhaler correctly by December 2027"),
        ("p1", "primary", "Every inhaler collection is a chance to check"),
        ("p2", "primary", "Pharmacy teams skilled and confident to teach"),
        ("p3", "primary", "People understand why technique matters"),
        ("p4", "primary", "Practices and pharmacies work from one record"),
        ("s1", "secondary", "Checks offered without an appointment"),
        ("s2", "secondary", "Time protected at the busiest hours"),
        ("s3", "secondary", "Staff trained in every device"),
        ("s4", "secondary", "Placebo devices in every pharmacy"),
        ("s5", "secondary", "Clear, short advice in Welsh and English"),
        ("s6", "secondary", "Results shared with the practice"),
        ("s7", "secondary", "Repeat checks for those who struggled"),
        ("c1", "change_idea", "Prompt on the dispensing system when an inhaler is handed out"),
        ("c2", "change_idea", "Five-minute check script on one card"),
        ("c3", "change_idea", "Training evening for six pharmacies with the respiratory nurse"),
        ("c4", "change_idea", "Placebo kit for each device type at the counter"),
        ("c5", "change_idea", "Bilingual leaflet and a QR code to a short video"),
        ("c6", "change_idea", "Result sent to the practice through the shared record"),
        ("c7", "change_idea", "Text reminder for a second check after four weeks"),
        ("c8", "change_idea", "Technician covers the counter during checks"),
    ],
    [
        ("aim", "p1", "strong"),
        ("aim", "p2", "strong"),
        ("aim", "p3", "strong"),
        ("aim", "p4", "weak"),
        ("p1", "s1", "strong"),
        ("p1", "s2", "strong"),
        ("p2", "s3", "strong"),
        ("p2", "s4", "strong"),
        ("p3", "s5", "strong"),
        ("p3", "s7", "weak"),
        ("p4", "s6", "strong"),
        ("p4", "s7", "strong"),
        ("s1", "c1", "strong"),
        ("s1", "c2", "strong"),
        ("s2", "c8", "strong"),
        ("s3", "c3", "strong"),
        ("s3", "c2", "weak"),
        ("s4", "c4", "strong"),
        ("s5", "c5", "strong"),
        ("s6", "c6", "strong"),
        ("s7", "c7", "strong"),
        ("s7", "c6", "weak"),
    ],
)

FRAILTY = _document(
    "Same-day frailty huddles: driver diagram",
    {
        "what": "Older people with frailty seen the same day when they deteriorate",
        "how_much": "A quarter fewer emergency admissions",
        "for_whom": "People with moderate or severe frailty registered with Rhondda practices",
        "by_when": "2028-03-31",
        "baseline": "41 emergency admissions a month, 2025–26 (illustrative)",
        "target": "31 emergency admissions a month",
    },
    [
        ("aim", "aim", "25% fewer emergency admissions of people with frailty by March 2028"),
        ("p1", "primary", "Deterioration spotted early"),
        ("p2", "primary", "One team decides together, the same day"),
        ("p3", "primary", "Care at home can start quickly"),
        ("s1", "secondary", "Carers and care homes know whom to call"),
        ("s2", "secondary", "Daily huddle with GP, nurse, pharmacist and social care"),
        ("s3", "secondary", "Shared frailty register"),
        ("s4", "secondary", "Rapid response nursing available"),
        ("s5", "secondary", "Medicines reviewed after every huddle decision"),
        ("c1", "change_idea", "One phone number for carers, answered by the huddle lead"),
        ("c2", "change_idea", "15-minute huddle at 11am in each practice"),
        ("c3", "change_idea", "Frailty score added to the practice record"),
        ("c4", "change_idea", "Pharmacist joins the huddle twice a week"),
        ("c5", "change_idea", "Rapid response nurse slot held for the huddle each day"),
    ],
    [
        ("aim", "p1", "strong"),
        ("aim", "p2", "strong"),
        ("aim", "p3", "strong"),
        ("p1", "s1", "strong"),
        ("p1", "s3", "strong"),
        ("p2", "s2", "strong"),
        ("p2", "s5", "weak"),
        ("p3", "s4", "strong"),
        ("s1", "c1", "strong"),
        ("s2", "c2", "strong"),
        ("s3", "c3", "strong"),
        ("s5", "c4", "strong"),
        ("s2", "c4", "weak"),
        ("s4", "c5", "strong"),
    ],
)

BLOOD_PRESSURE = _document(
    "Blood-pressure checks: driver diagram",
    {
        "what": "Adults with undiagnosed high blood pressure found and treated",
        "how_much": "500 more people on the hypertension register",
        "for_whom": "Adults over 40 in the Rhondda cluster",
        "by_when": "2028-03-31",
    },
    [
        ("aim", "aim", "500 more adults on the hypertension register by March 2028"),
        ("p1", "primary", "More people checked where they already go"),
        ("p2", "primary", "High readings followed up quickly"),
        ("s1", "secondary", "Checks offered in every pharmacy"),
        ("s2", "secondary", "Results reach the practice the same week"),
        ("c1", "change_idea", "Free check offered with every prescription for over-40s"),
        ("c2", "change_idea", "Referral form sent through the shared record"),
    ],
    [
        ("aim", "p1", "strong"),
        ("aim", "p2", "strong"),
        ("p1", "s1", "strong"),
        ("p2", "s2", "strong"),
        ("s1", "c1", "strong"),
        ("s2", "c2", "strong"),
    ],
)

DIAGRAMS = {
    "Inhaler technique checks in community pharmacies": INHALERS,
    "Same-day frailty huddles": FRAILTY,
    "Blood-pressure checks in community pharmacies": BLOOD_PRESSURE,
}

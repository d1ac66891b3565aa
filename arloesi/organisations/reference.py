"""Reference data every installation has: Wales and its seven health boards (from the brief)."""

WALES = ("WALES", "Wales", "Cymru")

# (code, English name, Welsh name, number of clusters)
HEALTH_BOARDS = [
    ("ABUHB", "Aneurin Bevan University Health Board", "Bwrdd Iechyd Prifysgol Aneurin Bevan", 11),
    (
        "BCUHB",
        "Betsi Cadwaladr University Health Board",
        "Bwrdd Iechyd Prifysgol Betsi Cadwaladr",
        14,
    ),
    (
        "CAVUHB",
        "Cardiff and Vale University Health Board",
        "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro",
        9,
    ),
    (
        "CTMUHB",
        "Cwm Taf Morgannwg University Health Board",
        "Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg",
        8,
    ),
    ("HDUHB", "Hywel Dda University Health Board", "Bwrdd Iechyd Prifysgol Hywel Dda", 7),
    ("PTHB", "Powys Teaching Health Board", "Bwrdd Iechyd Addysgu Powys", 3),
    ("SBUHB", "Swansea Bay University Health Board", "Bwrdd Iechyd Prifysgol Bae Abertawe", 8),
]

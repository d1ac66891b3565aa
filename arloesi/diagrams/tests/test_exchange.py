"""A driver diagram file imported, then downloaded again, is the same file: every node, link and
field the format does not know, the ids and the order of the links, the SMART aim. A file that
breaks the format is refused with a message that names the node or link at fault.

The one thing a round trip changes is where a node stands in the list: the download lists the
aim, then the primary drivers, the secondary drivers and the change ideas (each column in the
order the file gave them), whatever the order in the file."""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arloesi.core.characters import has_control_characters, strip_control_characters
from arloesi.diagrams import forms, selectors, services
from arloesi.diagrams.document import KINDS
from arloesi.diagrams.models import Diagram
from arloesi.diagrams.tests.factories import CARE_HOMES, diagram, imported, practitioner

pytestmark = pytest.mark.django_db

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.json"))
REFERENCE = Path("/work/shared/reference/diagrams")


def reference_files() -> list[tuple[str, str]]:
    """The shared reference's JSON files, and the example in its FORMAT.md."""
    found = [(path.name, path.read_text()) for path in sorted(REFERENCE.glob("*.json"))]
    format_md = REFERENCE / "FORMAT.md"
    if format_md.exists():
        block = re.search(r"```json\n(\{.*?\"format\".*?\})\n```", format_md.read_text(), re.S)
        if block:
            found.append(("FORMAT.md", block.group(1)))
    return found


def exported(d) -> dict:
    return json.loads(selectors.document_of(selectors.content_of(d)).dumps())


def in_column_order(data: dict) -> dict:
    """``data`` as a download lists it: its nodes column by column, otherwise as they were."""
    return {**data, "nodes": sorted(data["nodes"], key=lambda node: KINDS.index(node["kind"]))}


@pytest.fixture
def maker():
    return practitioner()


# --- Round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_an_example_file_comes_back_the_same(maker, path):
    data = json.loads(path.read_text())
    d = imported(maker, path.read_text())
    assert exported(d) == in_column_order(data)
    # Its SMART aim filled the diagram's six parts (and is written back from them).
    assert d.aim_what == data["smart_aim"]["what"]
    assert d.aim_by_when.isoformat() == data["smart_aim"]["by_when"]
    assert "smart_aim" not in d.extra


@pytest.mark.parametrize(("name", "text"), reference_files(), ids=lambda v: str(v)[:20])
def test_the_shared_reference_files_come_back_the_same(maker, name, text):
    assert exported(imported(maker, text)) == in_column_order(json.loads(text))


def test_the_downloaded_file_is_the_file_that_was_imported(client, maker):
    data = {**CARE_HOMES, "source": {"tool": "whiteboard", "version": 3}}
    data["nodes"][1] = {**data["nodes"][1], "colour": "#005eb8"}
    client.force_login(maker)
    upload = SimpleUploadedFile("plan.json", json.dumps(data).encode("utf-8"))
    response = client.post(reverse("diagrams:start"), {"source": "file", "file": upload})
    d = Diagram.objects.get()
    assert response["Location"] == reverse("diagrams:detail", args=[d.pk])
    downloaded = client.get(reverse("diagrams:export", args=[d.pk, "json"]))
    assert json.loads(downloaded.content) == in_column_order(data)


def test_a_file_whose_nodes_are_mixed_up_comes_back_column_by_column(maker):
    data = diagram(
        [
            ("c1", "change_idea", "Classes"),
            ("aim", "aim", "Fewer falls"),
            ("s1", "secondary", "Exercise"),
            ("p1", "primary", "Strength"),
            ("c2", "change_idea", "Walks"),
        ],
        [("aim", "p1"), ("p1", "s1"), ("s1", "c2", "weak"), ("s1", "c1")],
        title="Falls",
    )
    result = exported(imported(maker, data))
    assert [n["id"] for n in result["nodes"]] == ["aim", "p1", "s1", "c1", "c2"]
    assert result["links"] == data["links"]


def test_boxes_added_on_the_page_get_ids_that_do_not_clash_with_the_files(maker):
    data = diagram([("aim", "aim", "Fewer falls"), ("n1", "primary", "Strength")], [("aim", "n1")])
    d = imported(maker, data)
    added = services.node_add(actor=maker, diagram=d, kind="primary", text="Homes")
    ids = [n["id"] for n in exported(d)["nodes"]]
    assert len(set(ids)) == 3
    assert ids[:2] == ["aim", "n1"]
    assert ids[2] == f"n{added.pk}" or ids[2].startswith(f"n{added.pk}-")


# --- The SMART aim ----------------------------------------------------------------------------

SMART = {
    "what": "Falls among people over 75",
    "how_much": "By a fifth",
    "for_whom": "People over 75 in the cluster",
    "by_when": "2028-03-31",
    "baseline": "120 falls a month",
    "target": "96 falls a month",
}


def test_the_smart_aim_fills_the_diagrams_parts_and_is_written_back(maker):
    data = diagram([("aim", "aim", "Fewer falls")], [], title="Falls", smart_aim=SMART)
    d = imported(maker, data)
    assert (d.aim_how_much, d.aim_target) == ("By a fifth", "96 falls a month")
    assert str(d.aim_by_when) == "2028-03-31"
    assert exported(d) == data


def test_a_smart_aim_changed_on_the_page_is_in_the_next_download(maker):
    d = imported(maker, diagram([("aim", "aim", "Fewer falls")], [], title="F", smart_aim=SMART))
    services.diagram_aim_update(
        actor=maker,
        diagram=d,
        expected_version=d.version,
        title="F",
        aim="Fewer falls",
        **{f"aim_{k}": v for k, v in SMART.items() if k != "by_when"},
        aim_by_when=None,
    )
    assert "by_when" not in exported(Diagram.objects.get(pk=d.pk))["smart_aim"]


@pytest.mark.parametrize(
    "smart_aim",
    [
        {"what": "Falls", "by_when": "soon"},
        {"what": "Falls", "by_when": "20280331"},
        {"what": "Falls", "size": "large"},
        {"what": 7},
        {"what": "x" * 301},
        {"what": "Falls", "baseline": ""},
        {},
        "by next March",
    ],
)
def test_a_smart_aim_the_diagram_cannot_hold_is_kept_as_it_was(maker, smart_aim):
    data = diagram([("aim", "aim", "Fewer falls")], [], title="Falls", smart_aim=smart_aim)
    d = imported(maker, data)
    assert exported(d) == data


# --- Any document ------------------------------------------------------------------------------

RESERVED = {"id", "kind", "text", "from", "to", "strength", "format", "title", "nodes", "links"}
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8).map(strip_control_characters),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=5).map(strip_control_characters), inner, max_size=3)
    ),
    max_leaves=6,
)
unknown_fields = st.dictionaries(
    st.text(min_size=1, max_size=8).filter(
        lambda k: not has_control_characters(k) and k not in RESERVED | {"smart_aim"}
    ),
    json_values,
    max_size=3,
)
words = st.text(min_size=1, max_size=60).map(strip_control_characters).filter(lambda t: t.strip())


@st.composite
def documents(draw) -> dict:
    counts = [1] + [draw(st.integers(0, 4)) for _ in range(3)]
    nodes = []
    for column, count in enumerate(counts):
        for number in range(count):
            node = {"id": f"{KINDS[column][0]}{number}", "kind": KINDS[column], "text": ""}
            node["text"] = draw(words)
            node.update(draw(unknown_fields))
            nodes.append(node)
    nodes = draw(st.permutations(nodes))
    pairs = [
        (a["id"], b["id"])
        for a in nodes
        for b in nodes
        if KINDS.index(a["kind"]) < KINDS.index(b["kind"])
    ]
    links = []
    for source, target in draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []:
        link = {"from": source, "to": target}
        strength = draw(st.sampled_from([None, "strong", "weak"]))
        if strength:
            link["strength"] = strength
        link.update(draw(unknown_fields))
        links.append(link)
    data = {"format": "driver-diagram/1", "title": draw(words), "nodes": nodes, "links": links}
    data.update(draw(unknown_fields))
    if draw(st.booleans()):
        data["smart_aim"] = SMART
    return data


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=documents())
def test_any_document_comes_back_the_same(maker, data):
    d = imported(maker, json.dumps(data))
    assert as_numbers(exported(d)) == as_numbers(in_column_order(data))


@pytest.mark.parametrize("number", [1.0, 0.1, 7.2e16, -0.0, 10**20, 1e-7, 2**63, -(2**70)])
def test_numbers_in_unknown_fields_come_back_as_the_same_numbers(maker, number):
    data = diagram([("aim", "aim", "Fewer falls")], [], title="Falls", weight=number)
    data["nodes"][0]["score"] = [number, {"n": number}]
    assert as_numbers(exported(imported(maker, data))) == as_numbers(data)


def as_numbers(data):
    """``data`` with every JSON number read as the decimal it spells. PostgreSQL keeps the
    number, not its spelling: 7.2e+16 comes back as 72000000000000000, the same JSON number,
    which Python would read as an int rather than a float."""
    return json.loads(json.dumps(data), parse_float=Decimal, parse_int=Decimal)


# --- Files refused ----------------------------------------------------------------------------


def start_form(content: bytes) -> forms.StartForm:
    form = forms.StartForm(
        {"source": "file", "title": ""},
        {"file": SimpleUploadedFile("plan.json", content)},
    )
    form.is_valid()
    return form


AIM = ("aim", "aim", "Fewer falls")


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (diagram([AIM, ("p1", "primary", "A"), ("p1", "primary", "B")], []), "p1"),
        (diagram([AIM, ("p1", "driver", "A")], []), "p1"),
        (diagram([AIM, ("p1", "primary", "A")], [("aim", "p9")]), "aim → p9"),
        (diagram([AIM, ("p1", "primary", "A")], [("p1", "aim")]), "p1 → aim"),
        (diagram([AIM, ("p1", "primary", "A")], [("aim", "p1"), ("aim", "p1")]), "aim → p1"),
        (diagram([AIM, ("p1", "primary", "A")], [("aim", "p1", "medium")]), "aim → p1"),
        (
            diagram([AIM, ("p1", "primary", "A"), ("p2", "primary", "B")], [("p1", "p2")]),
            "p1 → p2",
        ),
        (diagram([AIM, ("p1", "primary", "A\x07")], []), "p1"),
        (diagram([AIM, ("aim2", "aim", "Another")], []), "aim2"),
        (diagram([AIM, ("p1", "primary", "A" * 1001)], []), "p1"),
    ],
)
def test_a_file_that_breaks_the_format_is_refused_naming_the_node_or_link(data, named):
    form = start_form(json.dumps(data).encode("utf-8"))
    assert not form.is_valid()
    assert named in " ".join(form.errors["file"])


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"\xff\xfe", "not text in UTF-8"),
        (b'{"format": "driver-diagram/2", "nodes": [], "links": []}', "driver-diagram/1"),
        (json.dumps(diagram([("p1", "primary", "A")], [])).encode(), "no aim"),
        (b"[]", "one JSON object"),
    ],
)
def test_a_file_that_is_not_a_driver_diagram_is_refused_saying_why(content, said):
    form = start_form(content)
    assert said in " ".join(form.errors["file"])


def test_an_empty_file_and_a_large_one_are_refused(settings):
    assert "The selected file is empty" in " ".join(start_form(b"").errors["file"])
    big = b'{"format": "driver-diagram/1", "pad": "' + b"x" * forms.MAX_FILE_BYTES + b'"}'
    assert "smaller than 2 MB" in " ".join(start_form(big).errors["file"])


def test_a_file_refused_on_the_welsh_page_still_names_the_link(client, maker):
    client.force_login(maker)
    broken = diagram([AIM, ("p1", "primary", "A")], [("p1", "aim")])
    with translation.override("cy"):
        address = reverse("diagrams:start")
    response = client.post(
        address,
        {"source": "file", "file": SimpleUploadedFile("x.json", json.dumps(broken).encode())},
    )
    assert response.status_code == 200
    assert "p1 → aim" in response.content.decode()
    assert not Diagram.objects.exists()


def test_a_file_whose_title_is_too_long_for_a_diagram_gives_it_the_title_cut_short(client, maker):
    client.force_login(maker)
    data = {**CARE_HOMES, "title": "A very long title " * 20}
    response = client.post(
        reverse("diagrams:start"),
        {"source": "file", "file": SimpleUploadedFile("x.json", json.dumps(data).encode())},
    )
    assert response.status_code == 302
    diagram = Diagram.objects.get()
    assert len(diagram.title) == 200 and data["title"].startswith(diagram.title)

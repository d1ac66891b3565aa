"""Reading and writing the exchange format: what is refused says which node or link is wrong,
and what is kept comes back exactly, fields this version does not know included."""

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arloesi.core.characters import has_control_characters, strip_control_characters
from arloesi.diagrams import document
from arloesi.diagrams.document import MESSAGES, DocumentError, parse
from arloesi.diagrams.tests.factories import CARE_HOMES, diagram

AIM = ("aim", "aim", "Fewer falls")


def refusal(data) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        parse(data if isinstance(data, str | bytes) else json.dumps(data))
    return caught.value


def test_a_good_document_is_read_into_nodes_and_links():
    read = parse(json.dumps(CARE_HOMES))
    assert read.title == CARE_HOMES["title"]
    assert [n.id for n in read.nodes][:3] == ["aim", "p1", "p2"]
    assert read.nodes[3].column == 2
    assert read.links[0].strength == "strong"  # left out: strong
    assert read.links[5].strength == "weak"
    assert read.links[5].label == "p1 → s3"


def test_a_round_trip_keeps_every_field_at_every_level_even_unknown_ones():
    data = copy.deepcopy(CARE_HOMES)
    data["exported_by"] = {"system": "Arloesi", "version": [1, 2]}
    data["nodes"][1]["owner"] = "Cluster lead"
    data["nodes"][2]["colour"] = None
    data["links"][0]["note"] = "agreed at the March meeting"
    assert parse(json.dumps(data)).to_json() == data
    assert json.loads(parse(json.dumps(data)).dumps()) == data


def test_a_link_without_a_strength_is_written_back_without_one():
    data = diagram([AIM, ("p", "primary", "Exercise")], [("aim", "p")])
    assert "strength" not in parse(json.dumps(data)).to_json()["links"][0]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8).map(strip_control_characters),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=5).map(strip_control_characters), inner, max_size=3)
    ),
    max_leaves=6,
)
unknown_fields = st.dictionaries(
    st.text(min_size=1, max_size=6).filter(
        lambda k: (
            not has_control_characters(k)
            and k
            not in (
                "id",
                "kind",
                "text",
                "from",
                "to",
                "strength",
                "format",
                "title",
                "nodes",
                "links",
            )
        )
    ),
    json_values,
    max_size=3,
)


@settings(max_examples=60, deadline=None)
@given(top=unknown_fields, node=unknown_fields, link=unknown_fields, text=st.text(max_size=40))
def test_any_unknown_fields_and_any_text_survive_a_round_trip(top, node, link, text):
    text = strip_control_characters(text)
    data = diagram([AIM, ("p", "primary", text)], [("aim", "p", "weak")], **top)
    data["nodes"][1].update(node)
    data["links"][0].update(link)
    assert parse(json.dumps(data)).to_json() == data


@pytest.mark.parametrize(
    ("where", "code", "names"),
    [
        ("top", "file_field_control", ["note"]),
        ("node", "node_field_control", ["p1", "note"]),
        ("link", "link_field_control", ["aim → p1", "note"]),
    ],
)
def test_hidden_control_characters_in_unknown_fields_are_refused_where_they_are(where, code, names):
    data = diagram([AIM, ("p1", "primary", "Driver")], [("aim", "p1", "strong")])
    holder = {"top": data, "node": data["nodes"][1], "link": data["links"][0]}[where]
    holder["note"] = {"deep": ["fine", "nul\x00byte"]}
    with pytest.raises(DocumentError) as refused:
        parse(json.dumps(data))
    assert refused.value.code == code
    assert all(name in str(refused.value) for name in names)


@pytest.mark.parametrize(
    ("data", "code", "names"),
    [
        ("{not json", "not_json", ["line 1", "column 2"]),
        (b"\xff\xfe{}", "not_utf8", []),
        ("[1, 2]", "not_an_object", []),
        ({"format": "driver-diagram/2", "nodes": [], "links": []}, "wrong_format", []),
        ({"nodes": [], "links": []}, "wrong_format", []),
        ('{"format": "driver-diagram/1", "nodes": [], "nodes": []}', "duplicate_field", ["nodes"]),
        ('{"format": "driver-diagram/1", "nodes": [], "links": [], "x": NaN}', "not_a_number", []),
        (
            '{"format": "driver-diagram/1", "nodes": [], "links": [], "x": "\\ud800"}',
            "not_text",
            [],
        ),
        ('{"format": "driver-diagram/1", "x": ' + "[" * 200 + "]" * 200 + "}", "too_deep", []),
        ('{"x": ' + "[" * 100_000 + "]" * 100_000 + "}", "too_deep", []),
        ({"format": "driver-diagram/1", "title": 3, "nodes": []}, "title_not_text", []),
        ({"format": "driver-diagram/1", "nodes": {}}, "nodes_not_list", []),
        ({"format": "driver-diagram/1", "nodes": [], "links": {}}, "links_not_list", []),
    ],
)
def test_a_file_that_is_not_a_driver_diagram_is_refused(data, code, names):
    error = refusal(data)
    assert error.code == code
    for name in names:
        assert name in str(error)


@pytest.mark.parametrize(
    ("nodes", "links", "code", "names"),
    [
        ([AIM, ("p", "primary", "A"), ("p", "secondary", "B")], [], "duplicate_id", ["“p”"]),
        ([AIM, ("p", "driver", "A")], [], "unknown_kind", ["“p”", "driver"]),
        ([("p", "primary", "A")], [], "no_aim", []),
        ([AIM, ("aim2", "aim", "More")], [], "several_aims", ["2 aims", "“aim”", "“aim2”"]),
        ([AIM, ("p", "primary", "x" * 1001)], [], "text_too_long", ["“p”", "1000"]),
        ([AIM, ("p", "primary", "Bell\x07")], [], "text_control", ["“p”"]),
        ([AIM, ("p", "primary", "A")], [("aim", "q")], "unknown_node", ["aim → q", "“q”"]),
        ([AIM, ("p", "primary", "A")], [("aim", "p"), ("aim", "p")], "duplicate_link", ["aim → p"]),
        ([AIM, ("p", "primary", "A")], [("p", "aim")], "backwards_link", ["p → aim"]),
        (
            [AIM, ("p", "primary", "A"), ("q", "primary", "B")],
            [("p", "q")],
            "same_column_link",
            ["p → q", "primary"],
        ),
        (
            [AIM, ("p", "primary", "A")],
            [("aim", "p", "medium")],
            "unknown_strength",
            ["aim → p", "medium"],
        ),
    ],
)
def test_a_broken_rule_is_refused_naming_the_node_or_link(nodes, links, code, names):
    error = refusal(diagram(nodes, links))
    assert error.code == code
    for name in names:
        assert name in str(error)


@pytest.mark.parametrize(
    ("node", "code", "names"),
    [
        ("not an object", "node_not_object", ["Node 2"]),
        ({"kind": "primary", "text": "A"}, "node_no_id", ["Node 2"]),
        ({"id": 7, "kind": "primary", "text": "A"}, "node_id_not_text", ["Node 2"]),
        ({"id": "  ", "kind": "primary", "text": "A"}, "node_id_empty", ["Node 2"]),
        ({"id": "p" * 101, "kind": "primary", "text": "A"}, "node_id_too_long", ["Node 2", "100"]),
        ({"id": "p\x1b", "kind": "primary", "text": "A"}, "node_id_control", ["Node 2"]),
        ({"id": "p", "text": "A"}, "no_kind", ["“p”"]),
        ({"id": "p", "kind": ["primary"], "text": "A"}, "unknown_kind", ["“p”", '["primary"]']),
        ({"id": "p", "kind": "primary"}, "no_text", ["“p”"]),
        ({"id": "p", "kind": "primary", "text": 42}, "text_not_text", ["“p”"]),
    ],
)
def test_a_node_of_the_wrong_shape_is_refused_naming_it(node, code, names):
    data = diagram([AIM], [])
    data["nodes"].append(node)
    error = refusal(data)
    assert error.code == code
    for name in names:
        assert name in str(error)


@pytest.mark.parametrize(
    ("link", "code", "names"),
    [
        (["aim", "p"], "link_not_object", ["Link 1"]),
        ({"to": "p"}, "link_no_end", ["Link 1", "“from”"]),
        ({"from": "aim", "to": 3}, "link_end_not_text", ["Link 1", "“to”"]),
        ({"from": "aim", "to": "p", "strength": True}, "unknown_strength", ["aim → p", "true"]),
    ],
)
def test_a_link_of_the_wrong_shape_is_refused_naming_it(link, code, names):
    data = diagram([AIM, ("p", "primary", "A")], [])
    data["links"].append(link)
    error = refusal(data)
    assert error.code == code
    for name in names:
        assert name in str(error)


def test_absurd_sizes_are_refused(monkeypatch):
    many = [AIM] + [(f"c{i}", "change_idea", "x") for i in range(5000)]
    assert refusal(diagram(many, [])).code == "too_many_nodes"
    nodes = [AIM] + [(f"c{i}", "change_idea", "x") for i in range(150)]
    links = [("aim", f"c{i}") for i in range(150)]
    monkeypatch.setattr(document, "MAX_LINKS", 100)
    error = refusal(diagram(nodes, links))
    assert (error.code, error.params) == ("too_many_links", {"count": 150, "limit": 100})
    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    assert refusal(b" " * 1001).code == "too_large"


def test_a_refusal_carries_its_template_and_values_for_translation():
    error = refusal(diagram([AIM, ("p", "primary", "A")], [("aim", "nowhere")]))
    assert error.template == MESSAGES["unknown_node"]
    assert error.template % error.params == str(error)
    assert error.params == {"link": "aim → nowhere", "node": "nowhere"}


def test_every_message_template_is_filled_by_its_placeholders_alone():
    for code, template in MESSAGES.items():
        names = set(__import__("re").findall(r"%\((\w+)\)s", template))
        assert template % dict.fromkeys(names, "x"), code


def test_a_document_built_in_code_can_be_checked():
    read = parse(json.dumps(CARE_HOMES))
    document.validate(read)
    broken = document.DiagramDocument(
        nodes=read.nodes, links=(*read.links, document.Link("c1", "aim")), title="x"
    )
    with pytest.raises(DocumentError, match="c1 → aim"):
        document.validate(broken)

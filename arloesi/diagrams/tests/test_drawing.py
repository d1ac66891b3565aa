"""The drawing: valid SVG that says what it is, whatever anyone typed into the boxes."""

import json
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from arloesi.diagrams.document import parse
from arloesi.diagrams.drawing import draw
from arloesi.diagrams.layout import LayoutLink, LayoutNode, layout, layout_document
from arloesi.diagrams.tests.factories import CARE_HOMES

SVG = "{http://www.w3.org/2000/svg}"
HEADINGS = ("Aim", "Primary drivers", "Secondary drivers", "Change ideas")


def drawn(result, **words) -> ET.Element:
    words = {"title": "Falls", "description": "A driver diagram about falls", **words}
    return ET.fromstring(draw(result, **words).encode("utf-8"))


def test_the_drawing_is_an_image_with_a_title_and_a_description():
    result = layout_document(parse(json.dumps(CARE_HOMES)))
    root = drawn(result, headings=HEADINGS, key=("Strong link", "Weak link"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "diagram-title diagram-desc"
    assert root.find(f"{SVG}title").text == "Falls"
    assert root.find(f"{SVG}desc").text == "A driver diagram about falls"
    assert root.get("width") == "277mm"
    assert root.get("viewBox").startswith("0 0 ")
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert set(HEADINGS) <= set(texts)
    assert "Proactive care planning" in texts


def test_every_line_of_a_box_is_its_own_tspan():
    text = "Staff in every care home recognise the early signs that a resident is deteriorating"
    result = layout([LayoutNode("aim", 0, text)], [])
    (box,) = result.boxes
    tspans = [t.text for t in drawn(result).iter(f"{SVG}tspan")]
    assert tspans == list(box.lines)
    assert len(tspans) > 1


def test_weak_links_are_dashed_and_strong_ones_solid():
    result = layout_document(parse(json.dumps(CARE_HOMES)))
    paths = [
        p
        for p in drawn(result).iter(f"{SVG}path")
        if "driver-diagram__link" in (p.get("class") or "")
    ]
    assert len(paths) == len(CARE_HOMES["links"])
    for path, route in zip(paths, result.routes, strict=True):
        assert (path.get("stroke-dasharray") is not None) == (route.strength == "weak")


def test_hostile_text_is_escaped_and_characters_that_are_not_text_are_left_out():
    hostile = "<script>alert('x')</script> & \"quoted\" \x00\x07\x1b[31m\ud800 ]]> <!-- -->"
    result = layout(
        [LayoutNode("aim", 0, hostile), LayoutNode("p", 1, "A & B")], [LayoutLink("aim", "p")]
    )
    markup = draw(result, title=hostile, description=hostile, headings=[hostile] * 4)
    assert "<script" not in markup
    assert "<!--" not in markup
    for character in "\x00\x07\x1b\ud800":
        assert character not in markup
    root = ET.fromstring(markup.encode("utf-8"))
    assert (
        root.find(f"{SVG}title").text
        == "<script>alert('x')</script> & \"quoted\" [31m ]]> <!-- -->"
    )
    assert not any(element.tag.endswith("script") for element in root.iter())
    assert not any(
        name == "style" or name.startswith("on")
        for element in root.iter()
        for name in element.attrib
    )


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80), st.text(max_size=30))
def test_any_text_at_all_gives_valid_svg(text, title):
    result = layout(
        [LayoutNode("aim", 0, text), LayoutNode("p", 1, text)], [LayoutLink("aim", "p")]
    )
    root = ET.fromstring(draw(result, title=title, description=text).encode("utf-8"))
    assert root.tag.endswith("svg")


def test_a_drawing_for_a_page_has_no_xml_declaration_and_no_fixed_size():
    result = layout([LayoutNode("aim", 0, "Aim")], [])
    markup = draw(result, title="t", description="d", size_mm=None, standalone=False)
    assert markup.startswith("<svg ")
    root = ET.fromstring(markup)
    assert root.get("width") is None

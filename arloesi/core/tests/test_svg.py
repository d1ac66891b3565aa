"""The one SVG writer: what it lets into a drawing, and what it never does."""

import xml.etree.ElementTree as ET

import pytest

from arloesi.core import svg


def test_text_and_attributes_are_escaped():
    markup = svg.render(svg.element("text", {"data-note": '"><script>'}, "<b>Tom & Jerry's</b>"))
    assert markup == (
        '<text data-note="&quot;&gt;&lt;script&gt;">&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;</text>'
    )


def test_characters_that_are_not_text_are_left_out():
    assert svg.escape("a\x00b\x1bc\ud800d\ufffee") == "abcde"
    assert svg.escape("tab\tand\nnewline") == "tab\tand\nnewline"


@pytest.mark.parametrize("tag", ["script", "foreignObject", "image", "a", "style", "use"])
def test_elements_that_could_run_or_fetch_something_are_refused(tag):
    with pytest.raises(ValueError):
        svg.element(tag)


@pytest.mark.parametrize("name", ["onload", "onClick", "style", "href", "xlink:href", "x y", ""])
def test_attributes_that_could_run_fetch_or_restyle_are_refused(name):
    with pytest.raises(ValueError):
        svg.element("rect", {name: "1"})


def test_numbers_are_short():
    assert [svg.number(v) for v in (1.0, 2.5, 3.14159, -0.001, 1234.567)] == [
        "1",
        "2.5",
        "3.14",
        "0",
        "1234.57",
    ]
    assert svg.path_data([("M", [0, 0.5]), ("L", [10, 20.125])]) == "M0 0.5 L10 20.12"
    with pytest.raises(ValueError):
        svg.path_data([("X", [1])])


def test_a_document_is_valid_xml_in_the_svg_namespace():
    root = svg.element("svg", {"viewBox": "0 0 10 10"}, svg.element("title", {}, "A & B"))
    markup = svg.document(root)
    assert markup.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    parsed = ET.fromstring(markup.encode("utf-8"))
    assert parsed.tag == "{http://www.w3.org/2000/svg}svg"
    assert parsed[0].text == "A & B"

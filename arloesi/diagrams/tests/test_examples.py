"""The example driver diagrams a cluster can start from: each one is a valid, readable diagram,
the Welsh and English versions are the same diagram, and the SMART aim is complete."""

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest

from arloesi.diagrams.document import DiagramDocument, parse
from arloesi.diagrams.layout import layout_document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SLUGS = ("same_day_access", "care_home_admissions", "chronic_condition_reviews", "medicines_safety")
LANGUAGES = ("en", "cy")
SMART_PARTS = ("what", "how_much", "for_whom", "by_when", "baseline", "target")
# What fits in a box: (fewest, most) words for each kind of node.
WORDS = {"aim": (8, 30), "primary": (3, 10), "secondary": (3, 10), "change_idea": (3, 15)}
# The drawing stays readable: the layout finds an order of the boxes with at most this many
# crossing links (currently 0–3 per example).
MOST_CROSSINGS = 3


def example(slug: str, language: str) -> DiagramDocument:
    return parse((EXAMPLES / f"{slug}.{language}.json").read_bytes())


def structure(document: DiagramDocument):
    nodes = sorted((node.id, node.kind) for node in document.nodes)
    links = sorted((link.source, link.target, link.strength) for link in document.links)
    return nodes, links


def texts(document: DiagramDocument) -> dict[str, str]:
    found = {f"node {node.id}": node.text for node in document.nodes}
    found["title"] = document.title
    found["summary"] = document.extra["summary"]
    for part, value in document.extra["smart_aim"].items():
        if part != "by_when":
            found[f"smart_aim.{part}"] = value
    return found


def test_every_example_comes_in_english_and_welsh_and_nothing_else_is_there():
    expected = {f"{slug}.{language}.json" for slug in SLUGS for language in LANGUAGES}
    found = {path.name for path in EXAMPLES.iterdir()}
    assert found == expected | {"README.md"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_the_example_is_a_driver_diagram_of_a_sensible_size(slug, language):
    document = example(slug, language)
    kinds = Counter(node.kind for node in document.nodes)
    assert kinds["aim"] == 1
    assert 3 <= kinds["primary"] <= 5
    assert 6 <= kinds["secondary"] <= 12
    assert 10 <= kinds["change_idea"] <= 20
    assert document.title
    assert document.extra["summary"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_driver_leads_somewhere_and_every_change_idea_serves_a_driver(slug):
    document = example(slug, "en")
    kind = {node.id: node.kind for node in document.nodes}
    children = {node.id: set() for node in document.nodes}
    parents = {node.id: set() for node in document.nodes}
    for link in document.links:
        children[link.source].add(link.target)
        parents[link.target].add(link.source)

    def of_kind(node_ids, wanted):
        return {node_id for node_id in node_ids if kind[node_id] == wanted}

    for node_id, node_kind in kind.items():
        if node_kind == "primary":
            assert of_kind(parents[node_id], "aim"), f"{node_id} is not linked to the aim"
            assert of_kind(children[node_id], "secondary"), f"{node_id} has no secondary driver"
        elif node_kind == "secondary":
            assert of_kind(parents[node_id], "primary"), f"{node_id} serves no primary driver"
            assert of_kind(children[node_id], "change_idea"), f"{node_id} has no change idea"
        elif node_kind == "change_idea":
            assert of_kind(parents[node_id], "secondary"), f"{node_id} serves no driver"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_links_are_many_to_many_and_both_strong_and_weak(slug):
    document = example(slug, "en")
    kind = {node.id: node.kind for node in document.nodes}
    parent_count = Counter(link.target for link in document.links)
    shared_secondaries = [n for n, k in kind.items() if k == "secondary" and parent_count[n] > 1]
    shared_ideas = [n for n, k in kind.items() if k == "change_idea" and parent_count[n] > 1]
    assert shared_secondaries, "no secondary driver serves two primary drivers"
    assert len(shared_ideas) >= 3, "too few change ideas serve two secondary drivers"
    assert {link.strength for link in document.links} == {"strong", "weak"}


@pytest.mark.parametrize("slug", SLUGS)
def test_the_welsh_diagram_is_the_english_one_in_welsh(slug):
    english, welsh = example(slug, "en"), example(slug, "cy")
    assert structure(welsh) == structure(english)
    assert [node.id for node in welsh.nodes] == [node.id for node in english.nodes]
    assert welsh.extra["smart_aim"]["by_when"] == english.extra["smart_aim"]["by_when"]
    english_texts, welsh_texts = texts(english), texts(welsh)
    assert welsh_texts.keys() == english_texts.keys()
    untranslated = [key for key in english_texts if welsh_texts[key] == english_texts[key]]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_the_smart_aim_has_all_six_parts_and_the_aim_says_how_much_by_when(slug, language):
    document = example(slug, language)
    smart_aim = document.extra["smart_aim"]
    assert set(smart_aim) == set(SMART_PARTS)
    for part in SMART_PARTS:
        assert isinstance(smart_aim[part], str) and smart_aim[part].strip(), part
    by_when = datetime.date.fromisoformat(smart_aim["by_when"])
    assert by_when.isoformat() == smart_aim["by_when"]
    (aim,) = (node.text for node in document.nodes if node.kind == "aim")
    assert str(by_when.year) in aim
    assert re.search(r"\d+%", aim) or re.search(r"\d+ ", aim), "the aim has no figure"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_text_fits_in_its_box(slug, language):
    too_long_or_short = [
        (node.id, len(node.text.split()))
        for node in example(slug, language).nodes
        if not WORDS[node.kind][0] <= len(node.text.split()) <= WORDS[node.kind][1]
    ]
    assert too_long_or_short == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_the_example_lays_out_with_few_crossing_links(slug, language):
    result = layout_document(example(slug, language))
    assert result.crossings <= MOST_CROSSINGS

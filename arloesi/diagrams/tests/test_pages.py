"""The diagram's pages, as the people who use them: the drawing, the outline and the checks on
one page; editing it with htmx (the editor swapped in place, what happened said in the live
region) or without JavaScript (back to the page, with a message); someone else's changes shown,
never lost; starting a diagram; and its files, each download recorded."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from arloesi.core.models import AuditEvent
from arloesi.diagrams import library, services
from arloesi.diagrams.models import Diagram
from arloesi.diagrams.tests.factories import (
    CARE_HOMES,
    boxes,
    column,
    diagram,
    fresh,
    imported,
    lines,
    own_diagram,
    practitioner,
)
from arloesi.diagrams.vocabulary import Kind

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
SOMEONE_ELSE = "Someone else has changed this diagram since you opened it"


def url(name, d, *args, **kwargs):
    return reverse(f"diagrams:{name}", args=[d.pk, *args], kwargs=kwargs or None)


def body(response) -> str:
    return response.content.decode()


def status_text(html: str) -> str:
    """What the live region says after an htmx edit."""
    found = re.search(r'<div id="diagram-status" hx-swap-oob="innerHTML">(.*?)</div>', html, re.S)
    assert found, "the fragment has no live-region text"
    return " ".join(found.group(1).split())


@pytest.fixture
def maker():
    return practitioner()


@pytest.fixture
def care_homes(maker):
    return imported(maker, CARE_HOMES)


@pytest.fixture
def signed_in(client, maker):
    client.force_login(maker)
    return client


# --- The diagram's page -----------------------------------------------------------------------


def test_the_page_shows_the_drawing_with_its_title_and_description(signed_in, care_homes):
    page = body(signed_in.get(url("detail", care_homes)))
    svg = re.search(r'<svg[^>]*class="driver-diagram"[^>]*>', page).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="diagram-title diagram-desc"' in svg
    assert f'<title id="diagram-title">{escape(care_homes.title)}</title>' in page
    assert "Primary drivers: 2. Secondary drivers: 3. Change ideas: 4." in page
    # The boxes' words are drawn, and the headings of the columns.
    assert "Weekly MDT ward round" in page
    assert "Secondary drivers" in page


class _Outline(HTMLParser):
    """The outline's nested lists as (depth, words of the item) in reading order."""

    def __init__(self):
        super().__init__()
        self.inside = 0
        self.depth = 0
        self.items: list[list] = []
        self.open: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag == "div" and ("class", "app-diagram-outline") in attrs:
            self.inside = 1
        elif self.inside and tag == "div":
            self.inside += 1
        elif self.inside and tag == "ul":
            self.depth += 1
        elif self.inside and tag == "li":
            item = [self.depth, ""]
            self.items.append(item)
            self.open.append(item)

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "div":
            self.inside -= 1
        elif tag == "ul":
            self.depth -= 1
        elif tag == "li":
            self.open.pop()

    def handle_data(self, data):
        if self.inside and self.open:
            self.open[-1][1] += data


def outline(html: str) -> list[tuple[int, str]]:
    parser = _Outline()
    parser.feed(html)
    return [(depth, " ".join(words.split())) for depth, words in parser.items]


def test_the_outline_nests_each_box_under_every_box_it_serves(signed_in, care_homes):
    items = outline(body(signed_in.get(url("detail", care_homes))))
    assert items[0][0] == 1 and items[0][1].startswith("Aim: Reduce avoidable A&E")
    under_p1 = [
        words for depth, words in items if depth == 3 and "Rapid access to clinical advice" in words
    ]
    # "Rapid access" serves both primary drivers: it is under each, the second time said so.
    assert len(under_p1) == 2
    assert sum("(also under another box above)" in words for words in under_p1) == 1
    assert any("weak link" in words for words in under_p1)
    # Change ideas are a level further in.
    assert (4, "Change idea: Weekly MDT ward round weak link") in items


def test_boxes_linked_from_nothing_are_listed_on_their_own(signed_in, maker, care_homes):
    services.node_add(actor=maker, diagram=care_homes, kind=Kind.SECONDARY, text="On its own")
    page = body(signed_in.get(url("detail", care_homes)))
    assert "Not linked to anything on their left" in page
    assert (1, "Secondary driver: On its own") in outline(page)


def test_the_page_shows_what_to_look_at(signed_in, maker):
    d = own_diagram(maker, aim="Fewer falls")
    services.node_add(actor=maker, diagram=d, kind=Kind.PRIMARY, text="Strength and balance")
    page = body(signed_in.get(url("detail", d)))
    assert "Things to look at" in page
    assert "There is only one primary driver." in page
    assert "The aim has no number" in page
    assert "The aim has no date" in page
    assert "This driver has no change idea acting on it yet:" in page


def test_an_editor_sees_the_boxes_and_their_buttons_a_reader_does_not(client, maker, care_homes):
    client.force_login(maker)
    page = body(client.get(url("detail", care_homes)))
    assert "Add a primary driver" in page
    assert "Move up" in page
    assert "Delete this diagram" in page
    care_homes = services.diagram_share_set(actor=maker, diagram=care_homes, shared=True)
    client.force_login(practitioner())
    page = body(client.get(url("detail", care_homes)))
    assert "Weekly MDT ward round" in page
    assert "Add a primary driver" not in page
    assert "Move up" not in page
    assert "Copy this diagram as a starting point for your own" in page


def test_the_welsh_page_answers_and_draws_the_headings_in_welsh(client, maker, care_homes):
    client.force_login(maker)
    with translation.override("cy"):
        address = url("detail", care_homes)
        headings = [gettext(h) for h in ("Primary drivers", "Change ideas", "Strong link")]
    assert address.startswith("/cy/")
    response = client.get(address)
    assert response.status_code == 200
    page = body(response)
    # The same words as the Welsh catalogue has (English until the translations land).
    for heading in headings:
        assert heading in page
    assert 'lang="cy"' in page


# --- Editing with htmx, and without -----------------------------------------------------------


def test_adding_a_box_with_htmx_answers_with_the_editor_and_says_what_happened(
    signed_in, care_homes
):
    p1 = boxes(care_homes)["Proactive care planning"]
    response = signed_in.post(
        url("node_add", care_homes, "secondary"),
        {
            "revision": care_homes.revision,
            "secondary-text": "Medicines reviewed on admission",
            "secondary-linked_from": p1.pk,
        },
        **HTMX,
    )
    assert response.status_code == 200
    fragment = body(response)
    assert '<div id="diagram-editor">' in fragment
    assert "<html" not in fragment
    assert status_text(fragment) == "Added “Medicines reviewed on admission”."
    # The drawing and the outline in the fragment already show it.
    assert fragment.count("Medicines reviewed on admission") >= 3
    assert SOMEONE_ELSE not in fragment
    assert ("Proactive care planning", "Medicines reviewed on admission", "strong") in lines(
        care_homes
    )


def test_adding_a_box_without_javascript_goes_back_to_the_page_with_a_message(
    signed_in, care_homes
):
    response = signed_in.post(
        url("node_add", care_homes, "primary"),
        {"revision": care_homes.revision, "primary-text": "Families involved"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(url("detail", care_homes))
    page = body(response)
    assert "Added “Families involved”." in page
    assert "Families involved" in boxes(care_homes)


def test_a_box_with_no_words_is_not_added_and_the_reason_is_said(signed_in, care_homes):
    count = len(boxes(care_homes))
    fragment = body(
        signed_in.post(
            url("node_add", care_homes, "change_idea"),
            {"revision": care_homes.revision, "change_idea-text": ""},
            **HTMX,
        )
    )
    assert status_text(fragment) == "Enter the change idea"
    assert "There is a problem" in fragment
    assert len(boxes(care_homes)) == count


def test_an_edit_after_someone_elses_says_their_changes_are_shown_too(signed_in, maker, care_homes):
    opened = care_homes.revision
    services.node_add(actor=maker, diagram=care_homes, kind=Kind.PRIMARY, text="Their box")
    fragment = body(
        signed_in.post(
            url("node_add", care_homes, "primary"),
            {"revision": opened, "primary-text": "My box"},
            **HTMX,
        )
    )
    assert SOMEONE_ELSE in fragment
    assert "Changed by someone else" in fragment
    # Both boxes are there: neither change is lost.
    assert {"Their box", "My box"} <= set(boxes(care_homes))
    assert "Their box" in fragment


def test_an_edit_on_the_latest_revision_says_nothing_about_anyone_else(signed_in, care_homes):
    s3 = boxes(care_homes)["Rapid access to clinical advice"]
    fragment = body(
        signed_in.post(
            url("node_move", care_homes, s3.pk),
            {"revision": care_homes.revision, "direction": "up"},
            **HTMX,
        )
    )
    assert status_text(fragment) == "Moved “Rapid access to clinical advice” up."
    assert SOMEONE_ELSE not in fragment
    assert column(care_homes, Kind.SECONDARY)[1] == "Rapid access to clinical advice"


def test_a_move_that_changes_nothing_does_not_blame_anyone_else(signed_in, care_homes):
    first = boxes(care_homes)["Anticipatory care plans in place"]
    fragment = body(
        signed_in.post(
            url("node_move", care_homes, first.pk),
            {"revision": care_homes.revision, "direction": "up"},
            **HTMX,
        )
    )
    assert SOMEONE_ELSE not in fragment


def test_a_move_that_changes_nothing_after_someone_elses_change_says_so(
    signed_in, maker, care_homes
):
    opened = care_homes.revision
    second = boxes(care_homes)["Skilled, confident care home staff"]
    services.node_move(actor=maker, diagram=care_homes, node_id=second.pk, up=True)
    # The page still showed it second: its "Move up" now finds it at the top.
    fragment = body(
        signed_in.post(
            url("node_move", care_homes, second.pk),
            {"revision": opened, "direction": "up"},
            **HTMX,
        )
    )
    assert SOMEONE_ELSE in fragment


def test_deleting_a_box_offers_undo_and_undo_brings_it_back(signed_in, care_homes):
    c1 = boxes(care_homes)["Weekly MDT ward round"]
    before = lines(care_homes)
    fragment = body(
        signed_in.post(
            url("node_delete", care_homes, c1.pk), {"revision": care_homes.revision}, **HTMX
        )
    )
    assert status_text(fragment) == "Deleted “Weekly MDT ward round”."
    assert 'id="undo"' in fragment
    assert url("node_restore", care_homes, c1.pk) in fragment
    assert "Recently deleted" in fragment
    fragment = body(
        signed_in.post(
            url("node_restore", care_homes, c1.pk),
            {"revision": fresh(care_homes).revision},
            **HTMX,
        )
    )
    assert status_text(fragment) == "Brought back “Weekly MDT ward round”."
    assert lines(care_homes) == before


def test_the_aims_box_has_no_delete_and_a_forged_delete_is_refused(signed_in, care_homes):
    aim = boxes(care_homes)[CARE_HOMES["nodes"][0]["text"]]
    assert url("node_delete", care_homes, aim.pk) not in body(
        signed_in.get(url("detail", care_homes))
    )
    fragment = body(
        signed_in.post(
            url("node_delete", care_homes, aim.pk), {"revision": care_homes.revision}, **HTMX
        )
    )
    assert "The aim cannot be deleted" in status_text(fragment)


def test_linking_and_unlinking_from_a_boxs_links_page(signed_in, care_homes):
    c2 = boxes(care_homes)["RESTORE2 training for every care home"]
    s3 = boxes(care_homes)["Rapid access to clinical advice"]
    page = body(signed_in.get(url("node_links", care_homes, c2.pk)))
    assert "Rapid access to clinical advice" in page
    fragment = body(
        signed_in.post(
            url("link_change", care_homes, c2.pk),
            {"revision": care_homes.revision, "other": s3.pk, "strength": "weak"},
            **HTMX,
        )
    )
    assert "Linked “Rapid access to clinical advice” (weak link)." in fragment
    assert (
        "Rapid access to clinical advice",
        "RESTORE2 training for every care home",
        "weak",
    ) in lines(care_homes)
    response = signed_in.post(
        url("link_change", care_homes, c2.pk),
        {"revision": fresh(care_homes).revision, "other": s3.pk, "strength": ""},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url("node_links", care_homes, c2.pk)
    assert "Unlinked “Rapid access to clinical advice”." in body(response)
    assert not any(
        (s, t) == ("Rapid access to clinical advice", "RESTORE2 training for every care home")
        for s, t, _k in lines(care_homes)
    )


def test_changing_a_boxs_column_says_which_links_were_removed(signed_in, care_homes):
    s1 = boxes(care_homes)["Anticipatory care plans in place"]
    response = signed_in.post(
        url("node_edit", care_homes, s1.pk),
        {"expected_version": s1.version, "text": s1.text, "kind": "change_idea"},
        follow=True,
    )
    page = body(response)
    assert "These links no longer ran from left to right and were removed" in page
    assert "Anticipatory care plans in place → Weekly MDT ward round" in page
    assert "Anticipatory care plans in place → Shared care plan template" in page
    assert boxes(care_homes)["Anticipatory care plans in place"].kind == Kind.CHANGE_IDEA


def test_a_stale_box_form_shows_what_the_other_person_saved_and_keeps_what_was_typed(
    signed_in, maker, care_homes
):
    c3 = boxes(care_homes)["Direct line to the cluster's advanced paramedic"]
    opened = c3.version
    services.node_update(
        actor=maker,
        diagram=care_homes,
        node_id=c3.pk,
        expected_version=opened,
        text="Direct line to the advanced paramedic, 8am to 8pm",
        kind=Kind.CHANGE_IDEA,
    )
    response = signed_in.post(
        url("node_edit", care_homes, c3.pk),
        {
            "expected_version": opened,
            "text": "Paramedic on call for care homes",
            "kind": "change_idea",
        },
    )
    assert response.status_code == 200
    page = body(response)
    assert "What the other person saved" in page
    assert "Direct line to the advanced paramedic, 8am to 8pm" in page
    assert "Paramedic on call for care homes" in page
    assert "Direct line to the advanced paramedic, 8am to 8pm" in boxes(care_homes)


def test_the_title_and_aim_are_changed_on_their_own_page(signed_in, care_homes):
    aim = boxes(care_homes)[CARE_HOMES["nodes"][0]["text"]]
    assert signed_in.get(url("node_edit", care_homes, aim.pk)).status_code == 302
    response = signed_in.post(
        url("aim", care_homes),
        {
            "expected_version": care_homes.version,
            "title": "Care home admissions",
            "aim": "20% fewer A&E attendances from care homes by March 2028",
            "aim_target": "20% fewer",
            "aim_by_when": "31/3/2028",
        },
        follow=True,
    )
    page = body(response)
    assert "The title and aim have been saved." in page
    assert "Care home admissions" in page
    assert "31/03/2028" in page
    assert "20% fewer A&E attendances from care homes by March 2028" in boxes(care_homes)


def test_a_stale_title_and_aim_form_shows_the_other_persons_title(signed_in, maker, care_homes):
    opened = care_homes.version
    aim_text = CARE_HOMES["nodes"][0]["text"]
    services.diagram_aim_update(
        actor=maker, diagram=care_homes, expected_version=opened, title="Theirs", aim=aim_text
    )
    response = signed_in.post(
        url("aim", care_homes),
        {"expected_version": opened, "title": "Mine", "aim": aim_text},
    )
    assert response.status_code == 200
    page = body(response)
    assert "Someone else changed this while you were editing it" in page
    assert "Theirs" in page
    assert fresh(care_homes).title == "Theirs"


def test_sharing_and_deleting_a_diagram(signed_in, care_homes):
    response = signed_in.post(url("share", care_homes), {"shared": "yes"}, follow=True)
    assert "Everyone signed in can now see and copy this diagram." in body(response)
    assert fresh(care_homes).shared
    assert signed_in.get(url("delete", care_homes)).status_code == 200
    response = signed_in.post(url("delete", care_homes), follow=True)
    assert response.redirect_chain[-1][0] == reverse("diagrams:list")
    assert "has been deleted" in body(response)
    assert not Diagram.objects.filter(pk=care_homes.pk).exists()


def test_the_history_page_lists_the_changes(signed_in, maker, care_homes):
    services.node_add(actor=maker, diagram=care_homes, kind=Kind.PRIMARY, text="Families involved")
    box = boxes(care_homes)["Families involved"]
    services.node_update(
        actor=maker,
        diagram=care_homes,
        node_id=box.pk,
        expected_version=box.version,
        text="Families and carers involved",
        kind=Kind.PRIMARY,
    )
    page = body(signed_in.get(url("history", care_homes)))
    assert "Families and carers involved" in page
    assert maker.full_name in page
    assert "is shown only to" not in page


def test_a_reader_of_the_history_sees_who_changed_what_but_not_earlier_words(
    client, maker, care_homes
):
    box = boxes(care_homes)["Weekly MDT ward round"]
    services.node_update(
        actor=maker,
        diagram=care_homes,
        node_id=box.pk,
        expected_version=box.version,
        text="Fortnightly huddle with the pharmacist",
        kind=Kind.CHANGE_IDEA,
    )
    care_homes = services.diagram_share_set(actor=maker, diagram=care_homes, shared=True)
    client.force_login(practitioner())
    page = body(client.get(url("history", care_homes)))
    assert maker.full_name in page
    assert "is shown only to" in page
    # Each box is named as it is now; what it said before is not shown.
    assert "Fortnightly huddle with the pharmacist" in page
    assert "Weekly MDT ward round" not in page
    # Its maker sees the words before and after.
    client.force_login(maker)
    page = body(client.get(url("history", care_homes)))
    assert "Weekly MDT ward round" in page


# --- Starting a diagram on the page -----------------------------------------------------------


def test_starting_a_blank_diagram(signed_in, maker):
    response = signed_in.post(
        reverse("diagrams:start"),
        {"source": "blank", "title": "Eye checks", "aim": "Half the wait for an eye check by 2028"},
        follow=True,
    )
    page = body(response)
    assert "Your driver diagram has been started." in page
    d = Diagram.objects.get(title="Eye checks")
    assert d.created_by == maker
    assert list(boxes(d)) == ["Half the wait for an eye check by 2028"]


def test_a_blank_diagram_needs_an_aim(signed_in):
    response = signed_in.post(reverse("diagrams:start"), {"source": "blank", "title": "Eye"})
    assert "Enter the aim" in body(response)
    assert not Diagram.objects.exists()


def test_starting_from_an_example_in_welsh(client, maker):
    client.force_login(maker)
    with translation.override("cy"):
        address = reverse("diagrams:start")
    page = body(client.get(address))
    assert 'value="example:same_day_access"' in page
    response = client.post(address, {"source": "example:same_day_access", "title": ""})
    assert response.status_code == 302
    d = Diagram.objects.get()
    assert d.title == library.example("same_day_access", "cy").title


def test_an_examples_link_on_the_list_opens_the_start_page_with_that_example_chosen(signed_in):
    page = body(signed_in.get(reverse("diagrams:list")))
    link = reverse("diagrams:start") + "?source=example:same_day_access"
    assert f'href="{link}"' in page
    page = body(signed_in.get(link))
    chosen = re.findall(r'<input[^>]*name="source"[^>]*value="([^"]+)"[^>]*checked', page)
    assert chosen == ["example:same_day_access"]
    page = body(signed_in.get(reverse("diagrams:start") + "?source=example:nonsense"))
    chosen = re.findall(r'<input[^>]*name="source"[^>]*value="([^"]+)"[^>]*checked', page)
    assert chosen == ["blank"]


def test_starting_from_a_copy(signed_in, maker, care_homes):
    address = reverse("diagrams:start") + f"?copy={care_homes.pk}"
    assert "A copy of “Reduce avoidable A&amp;E attendances from care homes”" in body(
        signed_in.get(address)
    )
    response = signed_in.post(address, {"source": "copy", "title": "Our copy"})
    assert response.status_code == 302
    copy = Diagram.objects.get(title="Our copy")
    assert lines(copy) == lines(care_homes)


def test_starting_from_a_file(signed_in):
    upload = SimpleUploadedFile(
        "care-homes.json", json.dumps(CARE_HOMES).encode(), content_type="application/json"
    )
    response = signed_in.post(
        reverse("diagrams:start"), {"source": "file", "title": "", "file": upload}
    )
    assert response.status_code == 302
    assert len(boxes(Diagram.objects.get(title=CARE_HOMES["title"]))) == 10


def test_a_file_that_breaks_the_format_is_refused_naming_the_link(signed_in):
    broken = diagram(
        [("aim", "aim", "Fewer falls"), ("p1", "primary", "Strength"), ("s1", "secondary", "Gym")],
        [("aim", "p1"), ("s1", "p1")],
    )
    upload = SimpleUploadedFile("broken.json", json.dumps(broken).encode())
    response = signed_in.post(
        reverse("diagrams:start"), {"source": "file", "title": "", "file": upload}
    )
    page = body(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The link “s1 → p1” runs backwards" in page
    assert not Diagram.objects.exists()


def test_a_file_with_an_empty_box_is_refused_naming_the_box(signed_in):
    broken = diagram([("aim", "aim", "Fewer falls"), ("p9", "primary", " ")], [("aim", "p9")])
    upload = SimpleUploadedFile("broken.json", json.dumps(broken).encode())
    response = signed_in.post(
        reverse("diagrams:start"), {"source": "file", "title": "", "file": upload}
    )
    assert "The box “p9” has no text" in body(response)
    assert not Diagram.objects.exists()


def test_a_start_without_a_file_asks_for_one(signed_in):
    response = signed_in.post(reverse("diagrams:start"), {"source": "file", "title": ""})
    assert "Select a driver diagram file (JSON)" in body(response)


# --- Files ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_format", "content_type", "starts"),
    [
        ("json", "application/json", b"{"),
        ("svg", "image/svg+xml", b"<?xml"),
        ("png", "image/png", b"\x89PNG"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_each_file_is_a_download_of_the_right_kind_and_is_recorded(
    signed_in, maker, care_homes, file_format, content_type, starts
):
    response = signed_in.get(url("export", care_homes, file_format))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f"reduce-avoidable-ae-attendances-from-care-homes.{file_format}" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(starts)
    recorded = AuditEvent.objects.get(
        action=AuditEvent.Action.DOWNLOADED,
        content_type__model="diagram",
        object_id=str(care_homes.pk),
    )
    assert recorded.actor == maker
    assert recorded.note.endswith(f".{file_format}")


def test_a_reader_of_a_shared_diagram_may_download_it_and_is_recorded(client, maker, care_homes):
    care_homes = services.diagram_share_set(actor=maker, diagram=care_homes, shared=True)
    reader = practitioner()
    client.force_login(reader)
    assert client.get(url("export", care_homes, "json")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED, actor=reader).exists()


def test_the_svg_file_is_the_drawing_with_its_title(signed_in, care_homes):
    svg = body(signed_in.get(url("export", care_homes, "svg")))
    assert 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert f'<title id="diagram-title">{escape(care_homes.title)}</title>' in svg
    assert "Weekly MDT ward round" in svg


# --- A page of any size reads the same number of times -----------------------------------------


def sized(maker, change_ideas: int):
    """A diagram with the aim, 3 primary and 6 secondary drivers and ``change_ideas`` ideas."""
    nodes = [("aim", "aim", "Fewer falls by 20% by 2028")]
    nodes += [(f"p{i}", "primary", f"Primary {i}") for i in range(3)]
    nodes += [(f"s{i}", "secondary", f"Secondary {i}") for i in range(6)]
    nodes += [(f"c{i}", "change_idea", f"Change idea {i}") for i in range(change_ideas)]
    links = [("aim", f"p{i}") for i in range(3)]
    links += [(f"p{i % 3}", f"s{i}") for i in range(6)]
    links += [(f"s{i % 6}", f"c{i}") for i in range(change_ideas)]
    links += [(f"s{(i + 1) % 6}", f"c{i}", "weak") for i in range(0, change_ideas, 3)]
    d = imported(maker, diagram(nodes, links, title=f"{change_ideas} ideas"))
    # Something deleted, for the editor's "Recently deleted".
    services.node_delete(actor=maker, diagram=d, node_id=boxes(d)["Change idea 0"].pk)
    return fresh(d)


@pytest.mark.parametrize("reader", ["maker", "shared"])
def test_the_diagram_page_makes_as_many_queries_for_60_boxes_as_for_10(client, maker, reader):
    small, large = sized(maker, 1), sized(maker, 51)
    assert (len(boxes(small)), len(boxes(large))) == (10, 60)
    if reader == "shared":
        for d in (small, large):
            services.diagram_share_set(actor=maker, diagram=d, shared=True)
        client.force_login(practitioner())
    else:
        client.force_login(maker)
    counts = []
    for d in (small, large):
        client.get(url("detail", d))  # the session and the language, once
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("detail", d))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert body(response).count("Change idea 50") >= 2

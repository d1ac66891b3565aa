"""Journey: a practitioner's driver diagram, in English and in Welsh, every page checked with axe
and every page offering the other language:

1. build: they sign in and build a diagram from a blank page with the keyboard alone — two
   primary drivers, two secondary drivers and a change idea that acts on both secondary
   drivers — then move a box, delete one and undo it; the outline and the drawing follow;
2. export and re-import: they download a diagram as PDF and as a file (JSON), and start a new
   diagram from that file, which has the same boxes and links.

Stage 2 starts from a diagram made by the services (the fixture ``care_homes``). The words looked
for on the pages come from the service's translations (``t``), so the Welsh run checks the Welsh
pages with the same steps.

Keyboard only, in stage 1: focus moves with Tab (and Shift+Tab), words are typed, a list's
option is chosen with the arrow keys and buttons and links are pressed with Enter — never a
click. Reaching a control by Tab also shows there is no keyboard trap on the way to it.
"""

import json
import re
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from arloesi.core.sampledata import DEMO_PASSWORD
from arloesi.diagrams import document
from arloesi.diagrams.tests.factories import CARE_HOMES
from tests.system.conftest import assert_accessible, heading, main, signed_in_page, success_banner

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]
OTHER = {"en": "cy", "cy": "en"}

PRACTITIONER = "practitioner@arloesi.example"

# What the practitioner types in stage 1.
TITLE = "Fewer missed diabetes reviews"
AIM = "90% of people with diabetes reviewed every year by March 2028"
PRIMARY = ["People know when their review is due", "Reviews fit around people's lives"]
SECONDARY = ["Reminders by text message", "Evening and weekend clinics"]
CHANGE_IDEA = "One visit for the blood test and the review"
REWORDED = "Text message reminders a month before"


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def about(action, box):
    """The name of a box's button or link: the action, then the box's words (hidden but read)."""
    return re.compile(rf"^{re.escape(action)}\s*:\s*{re.escape(box)}$")


def status(page):
    """The live region that says what an edit did."""
    return page.locator("#diagram-status")


def check_page(page, language):
    """The page is in the journey's language, links to itself in the other one, and passes axe."""
    other = OTHER[language]
    expect(page.locator("html")).to_have_attribute("lang", language)
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_attribute("hreflang", other)
    expect(switch).to_have_attribute("href", re.compile(rf"^/{other}/"))
    assert_accessible(page)


# --- The keyboard ------------------------------------------------------------------------------

FOCUSED = """element => element === document.activeElement"""
DESCRIBE_FOCUS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return "(the page)";
  const name = element.getAttribute("aria-label") || element.innerText || element.name || "";
  return `${element.tagName.toLowerCase()}#${element.id} “${name.trim().slice(0, 60)}”`;
}"""


def tab_to(page, target, *, backwards=False, limit=120):
    """Press Tab (or Shift+Tab) until ``target`` has focus, as a keyboard user moves through the
    page. Fails when it is not reached: a control the keyboard cannot reach, or a trap."""
    key = "Shift+Tab" if backwards else "Tab"
    target.wait_for()
    visited = []
    for _press in range(limit):
        if target.evaluate(FOCUSED):
            return
        page.keyboard.press(key)
        visited.append(page.evaluate(DESCRIBE_FOCUS))
    pytest.fail(
        f"{key} pressed {limit} times never reached {target}; focus went through: "
        + ", ".join(visited[-12:]),
        pytrace=False,
    )


def settled(page):
    """Wait until htmx has finished putting in what it last swapped (it wires up the new forms
    in its settle step, a moment after the swap): a key pressed sooner would post the form the
    way a browser without JavaScript does, a whole page, which is the fallback, not this test."""
    busy = ".htmx-added, .htmx-settling, .htmx-swapping, .htmx-request"
    page.wait_for_function(f"() => !document.querySelector('{busy}')")


def press(page, target, *, backwards=False):
    """Move to ``target`` with the keyboard and press Enter on it."""
    tab_to(page, target, backwards=backwards)
    settled(page)
    page.keyboard.press("Enter")


def type_into(page, field, text, *, backwards=False):
    tab_to(page, field, backwards=backwards)
    page.keyboard.type(text)


def choose_with_arrows(page, select, option_text):
    """Choose an option of a focused drop-down list with the down arrow, as a keyboard user
    does (the list is closed; each press selects the next option)."""
    expect(select).to_be_focused()
    options = select.locator("option").all_inner_texts()
    steps = [option.strip() for option in options].index(option_text)
    for _step in range(steps):
        page.keyboard.press("ArrowDown")
    expect(select.locator("option:checked")).to_have_text(option_text)


# --- What the diagram's page shows -------------------------------------------------------------

OUTLINE = """outline => {
  const own = item => [...item.childNodes]
    .filter(node => !(node.nodeType === 1 && node.tagName === "UL"))
    .map(node => node.textContent).join("").replace(/\\s+/g, " ").trim();
  const walk = item => [own(item), [...item.querySelectorAll(":scope > ul > li")].map(walk)];
  return [...outline.querySelectorAll(":scope > ul > li")].map(walk);
}"""


def outline(page):
    """The outline (the drawing in nested lists) as [words, [children…]] trees."""
    return page.locator(".app-diagram-outline").evaluate(OUTLINE)


def expect_drawing(page, *, boxes, links):
    drawing = page.locator(".app-diagram-drawing svg")
    expect(drawing.locator(".driver-diagram__box")).to_have_count(boxes)
    expect(drawing.locator(".driver-diagram__link")).to_have_count(links)


def box_list(page, heading_text):
    """The words of the boxes listed under a column's heading in the editor, in order."""
    column = main(page).get_by_role("heading", name=re.compile(rf"^{re.escape(heading_text)} \("))
    boxes = column.locator("xpath=following-sibling::*[1][self::ol]/li/p[1]")
    return [text.strip() for text in boxes.all_inner_texts()]


# --- Stage 1: build a diagram with the keyboard alone ------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_1_a_practitioner_builds_a_driver_diagram_with_the_keyboard_alone(
    page, live_server, demo, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    labels = {
        kind: _(label)
        for kind, label in [
            ("aim", "Aim"),
            ("primary", "Primary driver"),
            ("secondary", "Secondary driver"),
            ("change_idea", "Change idea"),
        ]
    }

    def item(kind, text, *children, repeated=False):
        words = f"{labels[kind]}: {text}"
        if repeated:
            words += " " + _("(also under another box above)")
        return [words, list(children)]

    # Given a practitioner who signs in with the keyboard
    page.goto(f"/{language}/sign-in/")
    check_page(page, language)
    type_into(page, page.get_by_label(_("Email address"), exact=True), PRACTITIONER)
    type_into(page, page.get_by_label(_("Password"), exact=True), DEMO_PASSWORD)
    settled(page)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/sign-in/" not in url)
    # (signing in opens their home page in the language of their account, English; the Welsh
    # run switches with the language link)
    if page.locator("html").get_attribute("lang") != language:
        press(page, page.locator(".app-language-switch"))
    check_page(page, language)

    # When they open Driver diagrams from the menu and start a blank diagram
    menu = page.locator(".nhsuk-header__navigation")
    press(page, menu.get_by_role("link", name=_("Driver diagrams")))
    expect(heading(page)).to_have_text(_("Driver diagrams"))
    check_page(page, language)
    press(page, main(page).get_by_role("button", name=_("Start a driver diagram")))
    expect(heading(page)).to_have_text(_("Start a driver diagram"))
    check_page(page, language)
    expect(page.get_by_role("radio", name=_("A blank diagram: just the aim"))).to_be_checked()
    type_into(page, page.get_by_label(f"{_('Title')} {_('(optional)')}", exact=True), TITLE)
    type_into(page, page.get_by_label(_("Aim"), exact=True), AIM)
    press(page, page.get_by_role("button", name=_("Start the diagram")))

    # Then the diagram's page shows the aim alone
    expect(heading(page)).to_have_text(TITLE)
    expect(success_banner(page)).to_contain_text(_("Your driver diagram has been started."))
    expect_drawing(page, boxes=1, links=0)
    check_page(page, language)

    # When they press "Add a primary driver" before typing one
    add_primary = page.get_by_role("textbox", name=_("Add a primary driver"))
    press(page, page.get_by_role("button", name=_("Add a primary driver")))

    # Then the live region and the box itself say what to do, and focus is back in the box
    expect(status(page)).to_have_text(_("Enter the primary driver"))
    expect(add_primary).to_be_focused()
    expect(add_primary).to_have_accessible_description(
        re.compile(re.escape(_("Enter the primary driver")))
    )

    # When they add two primary drivers, each typed into the same box once it is empty again
    for text in PRIMARY:
        expect(add_primary).to_be_focused()
        page.keyboard.type(text)
        page.keyboard.press("Tab")
        expect(page.get_by_role("button", name=_("Add a primary driver"))).to_be_focused()
        settled(page)
        page.keyboard.press("Enter")
        # Then the live region says so, and focus is back in the emptied box for the next one
        expect(status(page)).to_have_text(_("Added “%(box)s”.", box=text))
        expect(add_primary).to_be_focused()
        expect(add_primary).to_have_value("")

    # When they add two secondary drivers, each serving one primary driver
    add_secondary = page.get_by_role("textbox", name=_("Add a secondary driver"))
    serves = page.get_by_role("combobox", name=_("Which primary driver does it serve?"))
    tab_to(page, add_secondary)
    for text, primary in zip(SECONDARY, PRIMARY, strict=True):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
        choose_with_arrows(page, serves, primary)
        page.keyboard.press("Tab")
        settled(page)
        page.keyboard.press("Enter")
        expect(status(page)).to_have_text(_("Added “%(box)s”.", box=text))
        expect(add_secondary).to_be_focused()

    # And a change idea, acting on the first secondary driver
    type_into(page, page.get_by_role("textbox", name=_("Add a change idea")), CHANGE_IDEA)
    page.keyboard.press("Tab")
    choose_with_arrows(
        page,
        page.get_by_role("combobox", name=_("Which secondary driver does it act on?")),
        SECONDARY[0],
    )
    page.keyboard.press("Tab")
    settled(page)
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text(_("Added “%(box)s”.", box=CHANGE_IDEA))
    expect_drawing(page, boxes=6, links=5)
    check_page(page, language)

    # When they open the change idea's links and link it to the second secondary driver too
    press(
        page,
        main(page).get_by_role("link", name=about(_("Links"), CHANGE_IDEA)),
        backwards=True,
    )
    expect(heading(page)).to_have_text(_("Links of “%(box)s”", box=CHANGE_IDEA))
    check_page(page, language)
    press(page, page.get_by_role("button", name=about(_("Link"), SECONDARY[1])))

    # Then the live region says so, the row says it is linked, and focus stays in that row
    expect(status(page)).to_have_text(_("Linked “%(other)s” (strong link).", other=SECONDARY[1]))
    for secondary in SECONDARY:
        row = main(page).get_by_role("row").filter(has_text=secondary)
        expect(row).to_contain_text(_("Strong link"))
    expect(page.get_by_role("button", name=about(_("Make weak"), SECONDARY[1]))).to_be_focused()
    check_page(page, language)

    # And back on the diagram, the outline has the change idea under both secondary drivers
    press(page, main(page).get_by_role("link", name=_("Back to the diagram")))
    expect(heading(page)).to_have_text(TITLE)
    built = [
        item(
            "aim",
            AIM,
            item(
                "primary",
                PRIMARY[0],
                item("secondary", SECONDARY[0], item("change_idea", CHANGE_IDEA)),
            ),
            item(
                "primary",
                PRIMARY[1],
                item("secondary", SECONDARY[1], item("change_idea", CHANGE_IDEA, repeated=True)),
            ),
        )
    ]
    assert outline(page) == built
    # and the drawing has its six boxes and six lines (aim to each primary driver, each primary
    # to its secondary driver, both secondary drivers to the change idea)
    expect_drawing(page, boxes=6, links=6)

    # When they move the second secondary driver up
    press(page, page.get_by_role("button", name=about(_("Move up"), SECONDARY[1])), backwards=True)

    # Then it is listed first, the live region says so, and focus is on its move button (now
    # "Move down": it cannot go higher)
    expect(status(page)).to_have_text(_("Moved “%(box)s” up.", box=SECONDARY[1]))
    assert box_list(page, _("Secondary drivers")) == [SECONDARY[1], SECONDARY[0]]
    expect(page.get_by_role("button", name=about(_("Move down"), SECONDARY[1]))).to_be_focused()

    # When they delete the first secondary driver
    press(page, page.get_by_role("button", name=about(_("Delete"), SECONDARY[0])))

    # Then it is gone from the drawing with its two lines, and focus is on Undo
    expect(status(page)).to_have_text(_("Deleted “%(box)s”.", box=SECONDARY[0]))
    undo = main(page).get_by_role("button", name=_("Undo"), exact=True)
    expect(undo).to_be_focused()
    expect_drawing(page, boxes=5, links=4)
    assert box_list(page, _("Secondary drivers")) == [SECONDARY[1]]
    check_page(page, language)

    # When they press Undo
    settled(page)
    page.keyboard.press("Enter")

    # Then the box is back, with its links, and focus is on it
    expect(status(page)).to_have_text(_("Brought back “%(box)s”.", box=SECONDARY[0]))
    expect(page.locator(".app-diagram-box:focus")).to_contain_text(SECONDARY[0])
    expect_drawing(page, boxes=6, links=6)
    assert outline(page) == built
    expect(main(page)).not_to_contain_text(_("Changed by someone else"))
    check_page(page, language)

    # When they change that box's words on its own page
    press(page, main(page).get_by_role("link", name=about(_("Change"), SECONDARY[0])))
    expect(heading(page)).to_have_text(_("Change a box"))
    check_page(page, language)
    tab_to(page, page.get_by_label(_("Words in the box"), exact=True))
    page.keyboard.press("Control+A")
    page.keyboard.type(REWORDED)
    press(page, page.get_by_role("button", name=_("Save the box")))

    # Then the diagram's outline has the new words in the same place
    expect(success_banner(page)).to_contain_text(_("The box has been saved."))
    assert outline(page) == json.loads(json.dumps(built).replace(SECONDARY[0], REWORDED))


# --- Stage 2: export as PDF and JSON, and start a new diagram from the file --------------------


@pytest.fixture
def care_homes(demo):
    """A diagram of the practitioner's own, made by the services from a file: strong and weak
    links, and a link that skips a column."""
    from arloesi.diagrams import services
    from arloesi.organisations.models import Person

    return services.diagram_start(
        actor=Person.objects.get(email=PRACTITIONER),
        owner_kind="standalone",
        title=CARE_HOMES["title"],
        source=document.from_json(CARE_HOMES),
    )


def download(page, link):
    with page.expect_download() as started:
        link.click()
    return started.value


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_a_diagram_exported_as_json_comes_back_the_same_when_imported(
    new_page, live_server, care_homes, language, tmp_path
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    title = CARE_HOMES["title"]

    # Given the practitioner on their diagram's page
    page = signed_in_page(new_page, live_server, PRACTITIONER)
    page.goto(f"/{language}/diagrams/{care_homes.pk}/")
    expect(heading(page)).to_have_text(title)
    check_page(page, language)
    original_outline = outline(page)
    expect_drawing(page, boxes=len(CARE_HOMES["nodes"]), links=len(CARE_HOMES["links"]))

    # When they download it as PDF
    pdf = download(
        page,
        main(page).get_by_role("link", name=_("Download as PDF (A4 landscape, with the outline)")),
    )

    # Then it is a PDF
    assert pdf.suggested_filename.endswith(".pdf")
    assert Path(pdf.path()).read_bytes().startswith(b"%PDF-")

    # When they download it as a driver diagram file
    exported = download(
        page,
        main(page).get_by_role(
            "link", name=_("Download as a driver diagram file (JSON), to import elsewhere")
        ),
    )

    # Then the file holds the diagram, every box and link as it was made
    exported_path = tmp_path / exported.suggested_filename
    exported.save_as(exported_path)
    assert exported_path.suffix == ".json"
    read = document.parse(exported_path.read_bytes())
    assert read.title == title
    assert [(n.id, n.kind, n.text) for n in read.nodes] == [
        (n["id"], n["kind"], n["text"]) for n in CARE_HOMES["nodes"]
    ]
    assert [(link.source, link.target, link.strength) for link in read.links] == [
        (link["from"], link["to"], link.get("strength", "strong")) for link in CARE_HOMES["links"]
    ]

    # When they start a new diagram from that file
    page.locator(".nhsuk-header__navigation").get_by_role("link", name=_("Driver diagrams")).click()
    main(page).get_by_role("button", name=_("Start a driver diagram")).click()
    expect(heading(page)).to_have_text(_("Start a driver diagram"))
    page.get_by_role("radio", name=_("A file you have (JSON)")).check()
    with page.expect_file_chooser() as chooser:
        page.get_by_role(
            "button", name=re.compile(re.escape(_("Driver diagram file (JSON)")))
        ).click()
    chooser.value.set_files(exported_path)
    expect(main(page)).to_contain_text(exported_path.name)
    check_page(page, language)
    page.get_by_role("button", name=_("Start the diagram")).click()

    # Then it is a new diagram with the same title, boxes and links
    expect(success_banner(page)).to_contain_text(_("Your driver diagram has been started."))
    expect(heading(page)).to_have_text(title)
    assert f"/diagrams/{care_homes.pk}/" not in page.url
    expect_drawing(page, boxes=len(CARE_HOMES["nodes"]), links=len(CARE_HOMES["links"]))
    assert outline(page) == original_outline
    check_page(page, language)

    # And exported again, it is the same file
    again = download(
        page,
        main(page).get_by_role(
            "link", name=_("Download as a driver diagram file (JSON), to import elsewhere")
        ),
    )
    assert json.loads(Path(again.path()).read_bytes()) == json.loads(exported_path.read_bytes())

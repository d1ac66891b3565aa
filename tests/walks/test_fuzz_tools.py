"""The fuzz's own tools, proved on small examples: the form reader finds what a browser would
send, and the write watcher sees a malformed value however it is written."""

import pytest

from arloesi.core import audit
from arloesi.organisations.models import OrganisationUnit
from arloesi.organisations.tests.factories import ClusterFactory
from tests.walks.html_forms import post_forms
from tests.walks.writes import recorded_writes

PAGE = """
<form method="get" action="/en/search/"><input name="q"></form>
<form method="post" action="/en/things/1/edit/#notes" enctype="multipart/form-data">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok">
  <input type="hidden" name="expected_version" value="3">
  <input type="text" name="title" value="Old title" inputmode="decimal">
  <textarea name="notes">Line one
Line two</textarea>
  <input type="radio" name="outcome" value="approved">
  <input type="radio" name="outcome" value="declined" checked>
  <input type="checkbox" name="priorities" value="7" checked>
  <input type="checkbox" name="priorities" value="8">
  <select name="profession"><option value="">Choose</option><option selected>pharmacy</option>
  </select>
  <input type="file" name="file">
  <div hx-post="/en/things/count/"></div>
  <button name="action" value="decide">Decide</button>
  <input type="submit" value="Save">
</form>
<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="tok2"></form>
"""


def test_the_form_reader_finds_each_field_as_a_browser_would_send_it():
    edit, count, bare = post_forms(PAGE, "/en/things/1/edit/")
    assert edit.action == "/en/things/1/edit/"
    assert edit.multipart
    assert edit.csrf_token() == "tok"
    fields = edit.fuzzable()
    assert list(fields) == [
        "expected_version",
        "title",
        "notes",
        "outcome",
        "priorities",
        "profession",
        "file",
        "action",
    ]
    assert fields["expected_version"].values == ["3"]
    assert (fields["title"].values, fields["title"].inputmode) == (["Old title"], "decimal")
    assert fields["notes"].values == ["Line one\nLine two"]
    assert (fields["outcome"].options, fields["outcome"].values) == (
        ["approved", "declined"],
        ["declined"],
    )
    assert (fields["priorities"].options, fields["priorities"].values) == (["7", "8"], ["7"])
    assert (fields["profession"].options, fields["profession"].values) == (
        ["", "pharmacy"],
        ["pharmacy"],
    )
    assert fields["action"].values == ["decide"]
    # htmx posts the enclosing form's fields to its own address.
    assert count.action == "/en/things/count/"
    assert "title" in count.fields
    # A form without an action posts back to the page.
    assert (bare.action, bare.csrf_token()) == ("/en/things/1/edit/", "tok2")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["Cwm\x1bTaf", "Cwm\x0cTaf", "Cwm\x85Taf"], ids=ascii)
def test_the_write_watcher_sees_a_control_character_however_it_is_written(value):
    cluster = ClusterFactory()
    with recorded_writes() as by_update:
        OrganisationUnit.objects.filter(pk=cluster.pk).update(local_alias=value)
    assert by_update.malformed() == [
        f"organisations_organisationunit: control character in {value!r}"
    ]
    with recorded_writes() as by_audit:
        audit.record(actor=None, obj=cluster, action="noted", changes={"alias": ["", value]})
    assert by_audit.malformed() == [f"core_auditevent: control character in {value!r}"]


@pytest.mark.django_db
def test_the_write_watcher_sees_a_value_of_100000_characters_in_the_audit_trail():
    cluster = ClusterFactory()
    with recorded_writes() as writes:
        audit.record(actor=None, obj=cluster, action="noted", note="A" * 100_000)
    assert writes.malformed() == ["core_auditevent: 100,000 characters written"]


@pytest.mark.django_db
def test_the_write_watcher_lets_ordinary_text_through():
    cluster = ClusterFactory()
    with recorded_writes() as writes:
        audit.update(cluster, actor=None, local_alias="NCN\tnorth\r\nline", name_en="<b>Taff</b>")
    assert writes.tables() == {"organisations_organisationunit", "core_auditevent"}
    assert writes.malformed() == []

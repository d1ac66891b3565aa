"""Every file taken away is recorded, through one helper, and shows on history pages."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import FileField
from django.db.models.fields.files import FieldFile

from arloesi.core import downloads, exports, pdf
from arloesi.core.models import AuditEvent
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import ClusterFactory, person_with_role

pytestmark = pytest.mark.django_db


def recorded():
    return [
        (event.actor, event.object_id, event.note)
        for event in AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED)
    ]


@pytest.fixture
def stored(settings, tmp_path):
    """A file in the store (the local folder here; tests/machines run Azure's)."""
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save(
        "proposals/attachments/a1", ContentFile(b"<script>alert(1)</script>")
    )
    return FieldFile(None, FileField(), name)


def test_a_stored_file_is_a_recorded_download_that_no_browser_runs(stored):
    cluster = ClusterFactory()
    person = person_with_role(Role.CLUSTER_LEAD, cluster)
    response = downloads.file_response(
        stored,
        actor=person,
        subject=cluster,
        filename="Cynllun clwstwr.html",
        content_type="text/html",
    )
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"
    assert response["Content-Length"] == "25"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert recorded() == [(person, str(cluster.pk), "Cynllun clwstwr.html")]


def test_a_stored_file_that_has_gone_is_not_recorded_as_downloaded(stored):
    cluster = ClusterFactory()
    default_storage.delete(stored.name)
    with pytest.raises(FileNotFoundError):
        downloads.file_response(
            stored,
            actor=person_with_role(Role.CLUSTER_LEAD, cluster),
            subject=cluster,
            filename="gone.pdf",
            content_type="application/pdf",
        )
    assert recorded() == []


def test_a_pdf_is_a_recorded_download():
    cluster = ClusterFactory()
    person = person_with_role(Role.CLUSTER_LEAD, cluster)
    response = pdf.pdf_response(
        "core/pdf_test.html", {"title": "Prawf"}, filename="pack", actor=person, subject=cluster
    )
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="pack.pdf"'
    assert recorded() == [(person, str(cluster.pk), "pack.pdf")]


def test_a_download_cannot_be_made_without_saying_who_and_from_what():
    with pytest.raises(TypeError, match="actor"):
        exports.download([], [], file_format="csv", filename="x")
    with pytest.raises(TypeError, match="actor"):
        pdf.pdf_response("core/pdf_test.html", {}, filename="x")
    assert recorded() == []


@pytest.mark.parametrize(("language", "label"), [("en", "Downloaded"), ("cy", "Lawrlwythwyd")])
def test_downloads_show_on_the_history_page_in_both_languages(client, language, label):
    cluster = ClusterFactory()
    lead = person_with_role(Role.CLUSTER_LEAD, cluster)
    downloads.record(actor=lead, subject=cluster, filename="review-queue.xlsx")
    client.force_login(lead)
    page = client.get(f"/{language}/organisations/{cluster.pk}/history/").content.decode()
    assert label in page
    assert "review-queue.xlsx" in page

"""The authors' pages, mounted at /<language>/proposals/ in the ``proposals`` namespace."""

from django.urls import path, register_converter

from arloesi.proposals.views import authoring as views


class SectionConverter:
    regex = views.FORM_SECTIONS

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SectionConverter, "section")

urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("new/", views.proposal_create, name="create"),
    path("pitch-count/", views.pitch_count, name="pitch_count"),
    path("<int:proposal_id>/", views.proposal_detail, name="detail"),
    path("<int:proposal_id>/edit/", views.proposal_edit, name="edit"),
    path("<int:proposal_id>/edit/<section:section>/", views.proposal_section, name="section"),
    path("<int:proposal_id>/priorities/", views.proposal_priorities, name="proposal_priorities"),
    path("<int:proposal_id>/sponsors/", views.proposal_sponsors, name="sponsors"),
    path(
        "<int:proposal_id>/sponsors/<int:sponsor_id>/remove/",
        views.sponsor_remove,
        name="sponsor_remove",
    ),
    path(
        "<int:proposal_id>/sponsors/<int:sponsor_id>/confirm/",
        views.sponsor_confirm,
        name="sponsor_confirm",
    ),
    path("<int:proposal_id>/authors/", views.proposal_authors, name="authors"),
    path(
        "<int:proposal_id>/authors/<int:author_id>/remove/",
        views.author_remove,
        name="author_remove",
    ),
    path("<int:proposal_id>/staff/", views.proposal_staff, name="staff"),
    path("<int:proposal_id>/staff/<int:need_id>/remove/", views.need_remove, name="need_remove"),
    path("<int:proposal_id>/attachments/", views.proposal_attachments, name="attachments"),
    path(
        "<int:proposal_id>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path(
        "<int:proposal_id>/attachments/<int:attachment_id>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
    path("<int:proposal_id>/submit/", views.proposal_submit, name="submit"),
    path("<int:proposal_id>/withdraw/", views.proposal_withdraw, name="withdraw"),
    path("<int:proposal_id>/resubmit/", views.proposal_resubmit, name="resubmit"),
    path("<int:proposal_id>/similar/", views.proposal_similar, name="similar"),
    path("<int:proposal_id>/history/", views.proposal_history, name="history"),
    path("<int:proposal_id>/pitch-pack.pdf", views.pitch_pack, name="pitch_pack"),
]

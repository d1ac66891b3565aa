"""Finding learning: one search over published learning records, projects and decided
proposals, in English and Welsh, scoped to what the reader may see."""

import pytest
from django.urls import reverse
from django.utils import timezone

from arloesi.core import search
from arloesi.core.search import analysis
from arloesi.learning.models import LearningRecord, RecordTag
from arloesi.learning.vocabulary import RecordStatus
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role
from arloesi.proposals import selectors as proposal_selectors
from arloesi.proposals import services as proposal_services
from arloesi.proposals.tests.factories import draft, setting

pytestmark = pytest.mark.django_db


def published_record(cluster, *, title_en, title_cy="", summary_cy="", **fields):
    from arloesi.projects.tests.factories import started_project

    project = fields.pop("project", None) or started_project().project
    record = LearningRecord.objects.create(
        project=project,
        cluster=cluster,
        status=RecordStatus.PUBLISHED,
        title_en=title_en,
        title_cy=title_cy,
        summary_en=fields.pop("summary_en", title_en),
        summary_cy=summary_cy,
        is_public=bool(title_cy and summary_cy),
        published_at=timezone.now(),
        **fields,
    )
    search.reindex("learning_record", [record.pk])
    return record


def test_welsh_words_meet_whatever_their_mutation():
    def one(word):
        return analysis.terms(word, analysis.WELSH)

    assert one("feddyginiaeth") == one("meddyginiaeth") == one("meddyginiaethau")
    assert one("nghlwstwr") == one("clwstwr") == one("glwstwr")
    assert one("fferyllfa") == one("fferyllfeydd")
    assert one("phractis") == one("practis")
    assert analysis.terms("y a yn o i gyda ar", analysis.WELSH) == []


def test_english_words_meet_at_their_stem():
    def one(word):
        return analysis.terms(word, analysis.ENGLISH)

    assert one("checks") == one("checking") == one("checked")
    assert one("pharmacy") == one("pharmacies")
    assert analysis.terms("the and of with", analysis.ENGLISH) == []


def test_a_signed_out_visitor_finds_only_public_records(client):
    cluster = CollaborativeFactory().parent
    published_record(
        cluster,
        title_en="Pharmacy medicine checks",
        title_cy="Gwiriadau meddyginiaeth fferyllfa",
        summary_cy="Gwiriadau gan y fferyllfa",
    )
    published_record(cluster, title_en="Pharmacy checks in English only")
    response = client.get(reverse("learning:find"), {"q": "pharmacy"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Pharmacy medicine checks" in body
    assert "English only" not in body


def test_someone_signed_in_finds_every_published_record_in_their_language(client):
    cluster = CollaborativeFactory().parent
    published_record(
        cluster,
        title_en="Pharmacy medicine checks",
        title_cy="Gwiriadau meddyginiaeth fferyllfa",
        summary_cy="Gwiriadau gan y fferyllfa",
    )
    published_record(cluster, title_en="Pharmacy checks in English only")
    client.force_login(person_with_role(Role.PRACTITIONER, CollaborativeFactory()))
    body = client.get("/cy/learning/find/", {"q": "feddyginiaeth"}).content.decode()
    assert "Gwiriadau meddyginiaeth fferyllfa" in body
    body = client.get(reverse("learning:find"), {"q": "pharmacies"}).content.decode()
    assert "English only" in body


def test_a_draft_proposal_is_found_only_by_those_who_may_see_it():
    s = setting()
    proposal = draft(s, title="Pharmacy checks of repeat prescriptions")
    found = search.search("pharmacy", search.Filters(listed_only=False), user=s.author, limit=5)
    assert [hit.object_id for hit in found.hits] == [proposal.pk]
    stranger = person_with_role(Role.PRACTITIONER, CollaborativeFactory())
    assert search.search("pharmacy", search.Filters(listed_only=False), user=stranger).hits == []
    # The all-Wales search lists decided proposals only.
    assert search.search("pharmacy", user=s.author).hits == []


def test_similar_work_finds_a_proposal_however_long_ago_it_was_written():
    s = setting()
    old = draft(s, title="Pharmacy checks of repeat prescriptions", problem="Repeat medicines")
    for number in range(3):
        draft(s, title=f"Falls clinic number {number}")
    new = draft(s, title="Pharmacists check repeat prescribing", problem="Medicines reviews")
    similar = proposal_selectors.similar_proposals_for(user=s.author, proposal=new)
    assert similar[0].pk == old.pk


def test_similar_to_this_one_on_the_search_page(client):
    cluster = CollaborativeFactory().parent
    first = published_record(cluster, title_en="Social prescribing for lonely older people")
    published_record(cluster, title_en="Social prescribing link workers for loneliness")
    published_record(cluster, title_en="Flu vaccination in care homes")
    client.force_login(person_with_role(Role.PRACTITIONER, CollaborativeFactory()))
    body = client.get(
        reverse("learning:find"), {"like": f"learning_record:{first.pk}"}
    ).content.decode()
    assert "link workers for loneliness" in body
    assert "Flu vaccination" not in body


def test_tags_and_places_filter_the_results():
    collaborative = CollaborativeFactory()
    here = published_record(collaborative.parent, title_en="Diabetes foot checks")
    RecordTag.objects.create(record=here, kind="priority", value="long_term_conditions")
    search.reindex("learning_record", [here.pk])
    elsewhere = published_record(CollaborativeFactory().parent, title_en="Diabetes eye checks")
    reader = person_with_role(Role.PRACTITIONER, collaborative)
    by_tag = search.search(
        "diabetes", search.Filters(tags={"priority": ("long_term_conditions",)}), user=reader
    )
    assert [hit.object_id for hit in by_tag.hits] == [here.pk]
    by_place = search.search(
        "diabetes", search.Filters(within=(elsewhere.cluster.path,)), user=reader
    )
    assert [hit.object_id for hit in by_place.hits] == [elsewhere.pk]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 500},
        {"q": "\"' OR 1=1 --"},
        {"q": "NEAR( * ^ : -"},
        {"page": "999999999999"},
        {"like": "proposal:abc"},
        {"like": "nothing:1"},
        {"date_from": "2026-02-31"},
        {"health_board": "99999"},
    ],
)
def test_no_input_breaks_the_search_page(client, params):
    assert client.get(reverse("learning:find"), params).status_code == 200


def test_the_two_pharmacy_check_proposals_of_the_demo_find_each_other(settings):
    from django.core.management import call_command

    from arloesi.organisations.models import Person
    from arloesi.proposals.models import Proposal

    settings.DEMO_MODE = True
    call_command("load_demo")
    blood_pressure = Proposal.objects.get(title="Blood-pressure checks in community pharmacies")
    inhalers = Proposal.objects.get(title="Inhaler technique checks in community pharmacies")
    author = Person.objects.get(email="practitioner@arloesi.example")
    # Among the first three: the Taff Ely adaptation of the inhaler checks is as close to each.
    similar = proposal_selectors.similar_proposals_for(user=author, proposal=blood_pressure)
    assert inhalers in similar[:3]
    similar = proposal_selectors.similar_proposals_for(user=author, proposal=inhalers)
    assert blood_pressure in similar[:3]


def test_the_index_can_be_rebuilt_from_its_sources():
    from django.core.management import call_command

    cluster = CollaborativeFactory().parent
    record = published_record(cluster, title_en="Wound clinic run by community nurses")
    s = setting()
    proposal = draft(s, title="Wound dressing clinic")
    from arloesi.core.models import SearchDocument

    SearchDocument.objects.all().delete()
    call_command("search_reindex")
    kept = set(SearchDocument.objects.values_list("kind", "object_id"))
    assert {("learning_record", record.pk), ("proposal", proposal.pk)} <= kept


def test_each_terms_documents_are_counted_as_the_index_changes():
    """The counts "similar to this one" weighs terms by are kept with every write, and equal a
    count made again from the documents."""
    from collections import Counter

    from arloesi.core.models import SearchDocument, SearchTerm
    from arloesi.core.search import index

    cluster = CollaborativeFactory().parent
    published_record(cluster, title_en="Wound clinic run by community nurses")
    s = setting()
    proposal = draft(s, title="Wound dressing clinic")
    proposal_services.proposal_update(
        actor=s.author,
        proposal=proposal,
        expected_version=proposal.version,
        title="Leg ulcer clinic",
    )

    def recounted() -> dict[str, int]:
        counted = Counter()
        for terms in SearchDocument.objects.values_list("terms", flat=True):
            counted.update(set(terms.split()))
        return dict(counted)

    kept = dict(SearchTerm.objects.filter(documents__gt=0).values_list("term", "documents"))
    assert kept == recounted()
    assert kept["wound"] == 1 and kept["ulcer"] == 1
    index.terms_recount()
    assert dict(SearchTerm.objects.values_list("term", "documents")) == recounted()


def test_similar_leaves_out_terms_a_tenth_of_a_large_index_uses():
    from arloesi.core.search.analysis import top_terms

    text = "practic practic practic patient patient wound wound ulcer clinic"
    counts = {"practic": 150, "patient": 30, "wound": 4, "ulcer": 2, "clinic": 20}
    assert [t for t, _ in top_terms(text, 3, counts, total=1000)] == ["patient", "wound", "ulcer"]
    assert [t for t, _ in top_terms(text, 3, counts, total=200)] == ["wound", "ulcer", "clinic"]
    assert top_terms(text, 2, counts, total=150)[0] == ("practic", 3)


def test_search_quality_on_the_labelled_corpus(capsys):
    """200 documents, 20 queries (10 English, 10 Welsh): precision at 5 and recall at 10 on this
    database. Both databases index the same terms; ADR 0009 records both figures, which must
    stay within 0.05 of each other (``scripts/search_quality.py`` prints them side by side)."""
    from django.db import connection

    from arloesi.learning.tests.search_corpus import quality

    labels = quality.load()
    assert len(labels) >= 200
    result = quality.measure(labels)
    with capsys.disabled():
        print(f"\n{connection.vendor}: P@5 {result['p_at_5']:.3f} R@10 {result['r_at_10']:.3f}")
        for language, text, precision, recall in result["queries"]:
            print(f"  {language} {text:45} P@5 {precision:.2f} R@10 {recall:.2f}")
    assert result["p_at_5"] >= QUALITY_FLOOR[connection.vendor][0]
    assert result["r_at_10"] >= QUALITY_FLOOR[connection.vendor][1]
    assert abs(result["p_at_5"] - QUALITY_MEASURED[connection.vendor][0]) <= 0.05
    assert abs(result["r_at_10"] - QUALITY_MEASURED[connection.vendor][1]) <= 0.05


# The figures measured on each database (ADR 0009), and the floor they must not fall under.
QUALITY_MEASURED = {"sqlite": (0.98, 0.98), "postgresql": (0.96, 0.98)}
QUALITY_FLOOR = {"sqlite": (0.9, 0.9), "postgresql": (0.9, 0.9)}


def test_the_two_databases_measured_within_a_twentieth_of_each_other():
    sqlite, postgresql = QUALITY_MEASURED["sqlite"], QUALITY_MEASURED["postgresql"]
    assert abs(sqlite[0] - postgresql[0]) <= 0.05
    assert abs(sqlite[1] - postgresql[1]) <= 0.05

from arloesi.core import similarity


def test_the_closest_documents_come_first():
    documents = [
        ("falls", similarity.terms("Falls prevention for frail older people in care homes")),
        ("wounds", similarity.terms("Leg ulcer wound clinic run by community nurses")),
        ("falls-2", similarity.terms("Frailty and falls: strength and balance classes")),
    ]
    query = similarity.terms("Reducing falls among frail residents of care homes")
    ranked = similarity.nearest(query, documents)
    assert [key for key, _ in ranked] == ["falls", "falls-2"]
    assert ranked[0][1] > ranked[1][1]


def test_welsh_text_is_compared_too_and_stop_words_are_ignored():
    documents = [("cy", similarity.terms("Atal cwympiadau ymysg pobl eiddil"))]
    assert similarity.nearest(similarity.terms("cwympiadau eiddil"), documents)
    assert not similarity.nearest(similarity.terms("gofal cleifion yng Nghymru"), documents)


def test_nothing_to_compare_gives_nothing():
    assert similarity.nearest({}, [("a", {"x": 1})]) == []
    assert similarity.nearest({"x": 1}, []) == []

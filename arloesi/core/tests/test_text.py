from arloesi.core.text import SEARCH_MAX_LENGTH, search_terms


def test_a_search_leaves_out_hidden_characters_that_postgresql_refuses():
    assert search_terms("nul\x00byte \x1b[31m") == "nulbyte [31m"


def test_a_search_is_trimmed_and_kept_to_a_sensible_length():
    assert search_terms("  pharmacy  ") == "pharmacy"
    assert len(search_terms("a" * 100_000)) == SEARCH_MAX_LENGTH


def test_no_search_is_an_empty_one():
    assert search_terms(None) == ""

"""The documents of the search-quality corpus, made from ``topics.TOPICS``: eight per topic (25
topics, 200 documents) — learning records, projects and proposals; three written in English
only, three in Welsh only and two in both — each with a different title and the topic's sentences
in its language, and a sentence shared by every document (so that common words are common)."""

from arloesi.core.search import Document
from arloesi.learning.tests.search_corpus.topics import TOPICS

KINDS = ("learning_record", "project", "proposal")
# (languages, which title) for the eight documents of a topic.
SHAPES = [
    (("en",), 0), (("en",), 1), (("en",), 2),
    (("cy",), 0), (("cy",), 1), (("cy",), 2),
    (("en", "cy"), 0), (("en", "cy"), 1),
]  # fmt: skip
SHARED_EN = "The cluster tested the change with patients in two practices over six months."
SHARED_CY = "Profodd y clwstwr y newid gyda chleifion mewn dau bractis dros chwe mis."


def documents() -> list[tuple[str, str, tuple[str, ...], Document]]:
    """(topic, kind, languages, document) for every document; object ids from 1."""
    made = []
    for topic_number, (topic, (titles_en, titles_cy, text_en, text_cy)) in enumerate(
        TOPICS.items()
    ):
        for shape_number, (languages, title) in enumerate(SHAPES):
            object_id = topic_number * len(SHAPES) + shape_number + 1
            english, welsh = "en" in languages, "cy" in languages
            made.append(
                (
                    topic,
                    KINDS[object_id % len(KINDS)],
                    languages,
                    Document(
                        object_id=object_id,
                        title_en=titles_en[title] if english else "",
                        title_cy=titles_cy[title] if welsh else "",
                        summary_en=text_en[shape_number % 2] if english else "",
                        summary_cy=text_cy[shape_number % 2] if welsh else "",
                        text_en=[text_en[(shape_number + 1) % 2], SHARED_EN] if english else [],
                        text_cy=[text_cy[(shape_number + 1) % 2], SHARED_CY] if welsh else [],
                        is_public=True,
                    ),
                )
            )
    return made

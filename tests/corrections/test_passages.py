"""Finding and replacing the passages of a draft: the body's raw JSON, and its takeaways, whose one record
is the minutes' Takeaway rows (corrections/passages.py)."""

from __future__ import annotations

import pytest
from django.utils import translation

from corrections.passages import TakeawayText, passage_replace, passages_of, plain_text

TAKEAWAYS = [
    TakeawayText(key="takeaway.7", question_number=2, text="Långsiktighet"),
    TakeawayText(key="takeaway.8", question_number=5, text="Om en fråga utan eget avsnitt"),
]

BODY = [
    {"type": "heading", "value": "Inledning", "id": "h1"},
    {"type": "paragraph", "value": "<p>Mötet <b>öppnades</b> kl. 9.</p>", "id": "p1"},
    {"type": "image", "value": {"image": 1}, "id": "img"},
    {"type": "open_input", "value": {"whatever": "<p>not ours</p>"}, "id": "oi"},
    {
        "type": "presentation",
        "value": {"title": "Forskningen", "presenters": "F", "summary": "<p>Unga &amp; föreningar</p>"},
        "id": "pr",
    },
    {"type": "presentation", "value": {"title": "Utan text", "presenters": "", "summary": ""}, "id": "pr2"},
    {
        "type": "question_record",
        "value": {
            "number": 2,
            "question": "Vad behöver föreningarna?",
            "sub_questions": [],
            "points": ["<p>Lokaler</p>", "<p>Bidrag<br>på kvällen</p>"],
        },
        "id": "q2",
    },
]


def test_labels_name_the_passage_in_the_active_language():
    with translation.override("en"):
        labels = [p.label for p in passages_of(BODY, TAKEAWAYS)]
    assert labels == [
        "Paragraph 1",
        "Presentation: Forskningen",
        "Question 2, takeaway 1",
        "Question 2, point 1",
        "Question 2, point 2",
        "Question 5, takeaway 1",
    ]


def test_keys_and_texts_whatever_the_language():
    passages = passages_of(BODY, TAKEAWAYS)
    assert [p.key for p in passages] == [
        "p1",
        "pr.summary",
        "takeaway.7",
        "q2.points.#0",
        "q2.points.#1",
        "takeaway.8",
    ]
    assert [p.text for p in passages] == [
        "Mötet öppnades kl. 9.",
        "Unga & föreningar",
        "Långsiktighet",
        "Lokaler",
        "Bidrag\npå kvällen",
        "Om en fråga utan eget avsnitt",
    ]
    assert passages[2].section == "2. Vad behöver föreningarna?"
    with translation.override("en"):
        assert passages_of(BODY, TAKEAWAYS)[5].section == "Takeaways"  # its question has no record


def test_a_takeaway_copied_into_an_old_body_is_not_a_passage():
    """Bodies from before the takeaways' one record may still hold a copy: never offered, never changed."""
    old = [
        {**BODY[6], "value": {**BODY[6]["value"], "takeaways": [{"type": "item", "value": "<p>Kopia</p>"}]}}
    ]
    assert "Kopia" not in [p.text for p in passages_of(old)]
    with pytest.raises(KeyError):
        passage_replace(old, "q2.takeaways.#0", "<p>x</p>")


def test_unknown_block_types_are_never_passages_and_pass_through_untouched():
    assert all(not p.key.startswith(("oi", "img", "h1", "pr2")) for p in passages_of(BODY))
    replaced = passage_replace(BODY, "p1", "<p>Ny</p>")
    assert replaced[3] == BODY[3] and replaced[2] == BODY[2]


@pytest.mark.parametrize(
    ("key", "where"),
    [
        ("p1", lambda body: body[1]["value"]),
        ("pr.summary", lambda body: body[4]["value"]["summary"]),
        ("q2.points.#1", lambda body: body[6]["value"]["points"][1]),
    ],
)
def test_replace_changes_one_passage_in_a_copy(key, where):
    replaced = passage_replace(BODY, key, "<p>Rättad</p>")
    assert where(replaced) == "<p>Rättad</p>"
    assert where(BODY) != "<p>Rättad</p>"  # the original is left as it was
    changed = [
        p.key for p, q in zip(passages_of(BODY), passages_of(replaced), strict=True) if p.html != q.html
    ]
    assert changed == [key]


@pytest.mark.parametrize("key", ["nope", "p1.summary", "q2.points.#9", "oi", "h1", "q2.sub_questions.#0"])
def test_replace_refuses_an_unknown_key(key):
    with pytest.raises(KeyError):
        passage_replace(BODY, key, "<p>x</p>")


def test_plain_text_decodes_and_keeps_lines():
    assert plain_text("<p>a &lt;b&gt;</p><p>  c   d </p>") == "a <b>\nc d"

"""The card body: what the labels' license covers, languages with counts, short method names, pseudonyms."""

from __future__ import annotations

from test_manifest_card import _inputs

from stancekit.exports.card import card_body


def test_license_of_labels_is_apart_from_the_articles_text() -> None:
    full = card_body(_inputs(license="cc-by-4.0", license_set=True, source_licenses={"CC-BY-NC-4.0": 3}))
    assert "Dataset license: `cc-by-4.0` (set by the publisher). It covers the labels" in full
    assert "is not relicensed: it stays under each source's license" in full and "CC-BY-NC-4.0 (3)" in full
    bare = card_body(_inputs(license="other", text_mode="none"))
    assert "derived from the sources; set `export.license`" in bare and "quotes no article text" in bare


def test_languages_counted_and_method_parameters_left_to_the_manifest() -> None:
    body = card_body(_inputs(languages=["ar", "en"], pairs_by_language={"en": 36, "ar": 32},
                             matchers=['char_ngram.v2 {"ngram":[3,5]}']))
    assert "languages: ar (32 pairs), en (36 pairs)" in body
    assert "(matcher: `char_ngram.v2`)" in body and "{\"ngram\"" not in body


def test_pseudonyms_and_automatic_fields_are_explained() -> None:
    body = card_body(_inputs())
    assert "HMAC of their Label Studio user id under a secret per-campaign key" in body
    assert "`speaker`, `cue` and `quote_type` come from the automatic segmenter" in body
    assert "not of the article, the outlet or the speaker" in body

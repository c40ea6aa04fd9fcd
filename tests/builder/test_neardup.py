"""Near-duplicate clustering: Arabic normalisation, MinHash/LSH candidates confirmed by exact Jaccard, union-find."""

from __future__ import annotations

import random

from stancekit.builder.neardup import (
    UnionFind,
    jaccard,
    near_duplicate_clusters,
    normalize,
    shingles,
)

STORY = ("قال المتحدث باسم الحكومة إن القوات الأمريكية ستبقى في العراق حتى نهاية العام الجاري "
         "وفق الاتفاق الموقع بين البلدين في بغداد يوم الأحد الماضي بحضور وفد رسمي")


def _partition(roots: list[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for i, r in enumerate(roots):
        groups.setdefault(r, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_normalize_unifies_arabic_orthography() -> None:
    assert normalize("أَحْمَد إلى آخر مدرسة") == normalize("احمد الي اخر مدرسه")
    assert normalize("٢٠٢٤") == "2024"
    assert normalize("ـــالعراق") == "العراق"


def test_diacritics_and_punctuation_do_not_break_a_match() -> None:
    edited = STORY.replace("الأمريكية", "الامريكيّة").replace("بغداد", "بغداد،") + "."
    assert jaccard(shingles(STORY), shingles(edited)) == 1.0


def test_wire_copy_with_a_tail_is_clustered_and_unrelated_text_is_not() -> None:
    other = "The weather in London was rainy today and the match was postponed until next week by the organisers"
    texts = [other, STORY, STORY + " (أ ف ب)", "", ""]
    roots = near_duplicate_clusters(texts, threshold=0.8).tolist()
    assert roots[1] == roots[2] == 1
    assert roots[0] == 0
    assert roots[3] == 3 and roots[4] == 4  # empty texts are nobody's duplicate


def test_links_join_whatever_the_text_and_threshold_above_one_disables_search() -> None:
    roots = near_duplicate_clusters([STORY, STORY, "something else entirely"], threshold=1.5, links=[(0, 2)])
    assert roots.tolist() == [0, 1, 0]


def test_partition_does_not_depend_on_input_order() -> None:
    rng = random.Random(3)
    words = [f"w{i}" for i in range(300)]
    base = [" ".join(rng.choices(words, k=60)) for _ in range(30)]
    texts = base + [t + " extra" for t in base[:10]]
    order = list(range(len(texts)))
    rng.shuffle(order)
    first = _partition(near_duplicate_clusters(texts).tolist())
    shuffled = near_duplicate_clusters([texts[i] for i in order]).tolist()
    second = {frozenset(order[i] for i in g) for g in _partition(shuffled)}
    assert first == second
    assert sum(len(g) == 2 for g in first) == 10


def test_union_find_root_is_smallest_member() -> None:
    uf = UnionFind(5)
    uf.union(4, 2)
    uf.union(2, 3)
    assert uf.roots().tolist() == [0, 1, 2, 2, 2]

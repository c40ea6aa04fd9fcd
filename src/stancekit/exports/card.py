"""The dataset card: README.md with the Hub's YAML metadata and a body a reader can trust.

Metadata uses only the Hub's documented fields and values (huggingface_hub ``DatasetCardData``; the value lists
below are the Hub's); ``configs`` and ``dataset_info`` are serialised by ``datasets`` itself so that
``load_dataset`` reads them back as written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from datasets import DatasetInfo, Features, SplitDict, SplitInfo
from datasets.info import DatasetInfosDict
from datasets.utils.metadata import MetadataConfigs
from huggingface_hub import DatasetCardData

from stancekit.exports.card_fields import field_lines
from stancekit.exports.hf import Shard, ordered_splits

SIZE_CATEGORIES: tuple[tuple[int, str], ...] = (
    (1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B"),
)
ANNOTATIONS_CREATORS = ("found", "crowdsourced", "expert-generated", "machine-generated", "no-annotation", "other")
# Hub license identifiers (https://huggingface.co/docs/hub/repositories-licenses), the ones news corpora use
HUB_LICENSES = frozenset({
    "apache-2.0", "mit", "cc0-1.0", "cc-by-2.0", "cc-by-2.5", "cc-by-3.0", "cc-by-4.0", "cc-by-sa-3.0",
    "cc-by-sa-4.0", "cc-by-nc-2.0", "cc-by-nc-3.0", "cc-by-nc-4.0", "cc-by-nd-4.0", "cc-by-nc-nd-3.0",
    "cc-by-nc-nd-4.0", "cc-by-nc-sa-2.0", "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0", "odc-by", "odbl", "pddl",
    "cdla-sharing-1.0", "cdla-permissive-1.0", "cdla-permissive-2.0", "gpl-3.0", "lgpl-3.0", "bsd-3-clause",
    "unlicense", "other", "unknown",
})


def size_category(n: int) -> str:
    return next((name for limit, name in SIZE_CATEGORIES if n < limit), "1B<n<10B")


def hub_license(value: str | None) -> str:
    """A Hub license id for a source's license string: itself when the Hub knows it, else ``other``/``unknown``."""
    if not value:
        return "unknown"
    v = value.strip().lower().replace(" ", "-").replace("_", "-")
    return v if v in HUB_LICENSES else "other"


@dataclass
class CardInputs:
    pretty_name: str
    description: str
    labels: Sequence[str]
    label_descriptions: Mapping[str, str]
    scheme_id: str
    languages: Sequence[str]
    license: str
    source_licenses: Mapping[str, int]  # license string (or "unknown") -> documents
    sources: Mapping[str, int]  # source name -> documents
    outlets: int
    text_mode: str
    features: Mapping[str, Features]
    shards: Sequence[Shard]
    download_size: Mapping[str, int]
    overlap: int
    guideline: str
    segmenters: Sequence[str]
    matchers: Sequence[str]
    aggregators: Sequence[str]
    decided_by: Mapping[str, int]
    annotators: int
    claims: int
    agreement: Mapping[str, Any] | None = None
    audit: Mapping[str, Any] | None = None
    annotations_creators: Sequence[str] = ("crowdsourced",)
    votes_by_kind: Mapping[str, int] = field(default_factory=dict)  # "people"/"simulated" -> votes (empty: unknown)
    annotators_by_kind: Mapping[str, int] = field(default_factory=dict)  # "people"/"simulated" -> annotators
    simulation_unrecorded: bool = False  # simulated annotators answered, but which votes are theirs is not known
    people_kind: str = "crowdsourced"  # what the non-simulated annotators are (export.annotations_creators)
    notes: list[str] = field(default_factory=list)
    selection: Mapping[str, int] = field(default_factory=dict)  # push strategy -> tasks
    suggestions: Mapping[str, int] = field(default_factory=dict)  # prediction model version -> tasks
    n_tasks: int = 0
    baseline: Mapping[str, Any] | None = None  # reports/baseline.json
    pairs_by_language: Mapping[str, int] = field(default_factory=dict)
    license_set: bool = False  # export.license was given (else the dataset license was derived from the sources)


def _split_rows(inputs: CardInputs, config: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for s in inputs.shards:
        if s.config == config:
            rows, nbytes = out.get(s.split, (0, 0))
            out[s.split] = (rows + s.rows, nbytes + s.nbytes)
    return {k: out[k] for k in ordered_splits(list(out))}


def card_data(inputs: CardInputs) -> DatasetCardData:
    default_rows = sum(r for r, _ in _split_rows(inputs, "default").values())
    data = DatasetCardData(
        pretty_name=inputs.pretty_name,
        language=list(inputs.languages),
        license=inputs.license,
        multilinguality="multilingual" if len(inputs.languages) > 1 else "monolingual",
        annotations_creators=list(inputs.annotations_creators),
        language_creators=["found"],
        size_categories=[size_category(default_rows)],
        source_datasets=["original"],
        task_categories=["text-classification"],
        task_ids=["fact-checking", "multi-input-text-classification"],
        tags=["stance-detection", "news", "claims", "stancekit"],
    )
    configs: dict[str, dict[str, Any]] = {}
    infos: dict[str, DatasetInfo] = {}
    for config, features in inputs.features.items():
        rows = _split_rows(inputs, config)
        folder = next(s.path.split("/")[0] for s in inputs.shards if s.config == config)
        prefix = {s.split: s.path.split("/")[1].split("-")[0] for s in inputs.shards if s.config == config}
        configs[config] = {
            "data_files": [{"split": sp, "path": f"{folder}/{prefix[sp]}-*.parquet"} for sp in rows],
        }
        splits = SplitDict()
        for sp, (n, nbytes) in rows.items():
            splits.add(SplitInfo(name=sp, num_bytes=nbytes, num_examples=n))
        infos[config] = DatasetInfo(
            features=features,
            splits=splits,
            download_size=inputs.download_size.get(config, 0),
            dataset_size=sum(nb for _, nb in rows.values()),
        )
    MetadataConfigs(configs).to_dataset_card_data(data)
    DatasetInfosDict(infos).to_dataset_card_data(data)
    return data


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _agreement_lines(agreement: Mapping[str, Any] | None) -> list[str]:
    if not agreement or not isinstance(agreement.get("overall"), Mapping):
        return ["Agreement was not computed for this export (no `reports/agreement.json`; run `stancekit merge`)."]
    overall = agreement["overall"]
    lines = ["| measure | value | 95% interval |", "|---|---|---|"]
    for key in sorted(overall):
        value = overall[key]
        if not isinstance(value, int | float) or isinstance(value, bool) or key.endswith("_ci"):
            continue
        ci = overall.get(f"{key}_ci")
        if isinstance(ci, Mapping):
            ci = [ci.get("low", ci.get("lo")), ci.get("high", ci.get("hi"))]
        interval = (f"[{ci[0]:.3f}, {ci[1]:.3f}]" if isinstance(ci, Sequence) and len(ci) == 2
                    and all(isinstance(c, int | float) for c in ci) else "")
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        lines.append(f"| {key} | {shown} | {interval} |")
    for key, title in (("per_claim", "claim"), ("per_language", "language")):
        groups = agreement.get(key)
        if isinstance(groups, Mapping) and groups:
            lines += ["", f"| {title} | items | Krippendorff's alpha | 95% interval |", "|---|---|---|---|"]
            for name in sorted(groups):
                g = groups[name] if isinstance(groups[name], Mapping) else {}
                alpha, ci = g.get("krippendorff_alpha"), g.get("krippendorff_alpha_ci")
                shown = f"{alpha:.3f}" if isinstance(alpha, int | float) else "n/a"
                interval = (f"[{ci[0]:.3f}, {ci[1]:.3f}]" if isinstance(ci, Sequence) and len(ci) == 2
                            and all(isinstance(c, int | float) for c in ci) else "")
                lines.append(f"| {name} | {g.get('n_items', '')} | {shown} | {interval} |")
    lines.append("")
    lines.append("Krippendorff's alpha is computed over every item's latest non-skipped votes of the main project "
                 "(gold and adjudication answers excluded), before any item was rejected; intervals are bootstrap "
                 "percentiles over items.")
    return lines


def _audit_lines(audit: Mapping[str, Any] | None, labels: Sequence[str]) -> list[str]:
    if not audit:
        return ["No split audit was found (`reports/split_audit.json`); run `stancekit split`."]
    rule = audit.get("rule", {})
    lines = [
        f"Pairs are grouped by **{audit.get('group_by')}** and whole groups are placed in one split "
        f"(target ratios train/validation/test = {rule.get('ratios')}, seed {rule.get('seed')}"
        + (f", test = published on or after {rule['test_after']}" if rule.get("test_after") else "") + "). "
        "Near-duplicate articles (MinHash over word shingles of Arabic-normalised text, Jaccard >= "
        f"{audit.get('near_duplicates', {}).get('threshold')}) are one cluster (clusters with several documents: "
        f"{audit.get('near_duplicates', {}).get('clusters_with_several_documents', 0)}). "
        "Once placed, a group keeps its split when the campaign grows; new groups are placed largest "
        "first into the split that brings label counts closest to the targets.",
        "",
        "| split | pairs | groups | share | target | " + " | ".join(labels) + " |",
        "|---|---|---|---|---|" + "---|" * len(labels),
    ]
    for name, s in sorted(audit.get("splits", {}).items(), key=lambda kv: ordered_splits(list(audit["splits"]))
                          .index(kv[0])):
        labs = " | ".join(str(s["labels"].get(lab, 0)) for lab in labels)
        lines.append(f"| {name} | {s['pairs']} | {s['groups']} | {_pct(s['share'])} | {_pct(s['target'])} | {labs} |")
    lines += ["", "Leakage audit: values of each key found in more than one split (enforced keys must be 0).", "",
              "| key | values | crossing | enforced |", "|---|---|---|---|"]
    enforced = set(audit.get("enforced", []))
    order = ["group_key", "cluster", "doc_id", "claim_id", "outlet"]
    for key, o in sorted(audit.get("overlap", {}).items(), key=lambda kv: ([*order, kv[0]]).index(kv[0])):
        lines.append(f"| {key} | {o['values']} | {o['crossing']} | {'yes' if key in enforced else 'reported'} |")
    lines.append("")
    lines.append(f"Audit result: **{'no leakage of enforced keys' if audit.get('ok') else 'FAILED'}**.")
    return lines


def _counts(mapping: Mapping[str, int]) -> str:
    return ", ".join(f"{k} ({v})" for k, v in sorted(mapping.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


def _names(names: Sequence[str]) -> str:
    """Versioned names; a name's parameters (after the first space) are left to manifest.json."""
    return ", ".join(f"`{n.split(' ', 1)[0]}`" for n in names) or "unknown"


def _baseline_lines(baseline: Mapping[str, Any] | None) -> list[str]:
    """The baseline classifier's results on this dataset (``stancekit baseline``), when it was trained."""
    if not baseline:
        return []
    test = baseline.get("test", {})
    maj = baseline.get("majority_class", {})
    lines = ["## Baseline", "",
             f"`{baseline.get('model')}` ({'; '.join(baseline.get('features', []))}), trained on train, tuned on "
             f"validation (C = {baseline.get('params', {}).get('C')}), evaluated on {baseline.get('evaluated_on')} "
             f"({test.get('n')} pairs): macro-F1 **{test.get('macro_f1', float('nan')):.3f}** (majority class "
             f"{maj.get('macro_f1', float('nan')):.3f})"
             + (f", FNC-1 weighted score {test['fnc1_weighted']:.3f}" if test.get("fnc1_weighted") is not None
                else "") + ".", "",
             "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for lab, m in (test.get("per_class") or {}).items():
        lines.append(f"| {lab} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    lines += [f"> {w}" for w in baseline.get("warnings", [])]
    lines.append("")
    return lines


def _selection_lines(inputs: CardInputs) -> list[str]:
    """How pairs were chosen for labelling, and whether annotators saw a model's suggestions."""
    lines = []
    if inputs.selection:
        meaning = {"score": "highest match score first", "random": "seeded random", "stratified": "seeded, "
                   "stratified", "uncertainty": "the baseline model's least certain", "diversity": "the baseline "
                   "model's most diverse"}
        used = "; ".join(f"{k}: {meaning[k]}" for k in sorted(inputs.selection) if k in meaning)
        lines.append(f"Pairs were chosen for labelling by push strategy: {_counts(inputs.selection)}"
                     + (f" ({used})." if used else "."))
    if inputs.suggestions:
        shown = sum(inputs.suggestions.values())
        lines.append(f"Annotators saw a model's suggestion (a Label Studio prediction) on {shown} of "
                     f"{inputs.n_tasks} tasks (model: {_counts(inputs.suggestions)}); suggestions never counted as "
                     "votes, but they may have anchored the annotators.")
    elif inputs.n_tasks:
        lines.append("Annotators saw no model suggestions.")
    provenance = provenance_line(inputs)
    return [*lines, provenance] if provenance else lines


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def provenance_line(inputs: CardInputs) -> str:
    """Who gave the votes: people, stancekit's simulated annotators, or both, with counts."""
    votes, who = inputs.votes_by_kind, inputs.annotators_by_kind
    people, sims = votes.get("people", 0), votes.get("simulated", 0)
    n_people = who.get("people", 0)
    kind = (("person" if n_people == 1 else "people") if inputs.people_kind != "machine-generated"
            else "accounts declared machine-generated (`export.annotations_creators`)")
    if not people and not sims and not inputs.simulation_unrecorded:
        return ""
    if inputs.simulation_unrecorded:
        return ("**Simulated annotators answered in this campaign, but which votes are theirs was not recorded**: "
                f"some or all of the {_n(people + sims, 'vote')} may come from stancekit's simulator rather than "
                "from people (run `stancekit studio simulate` again to record them; it answers nothing twice).")
    if sims and not people:
        n_sim = _n(who.get("simulated", 0), "simulated annotator")
        return (f"**All {_n(sims, 'vote')} in this dataset come from {n_sim}** (stancekit's demo/test "
                "simulator), not from people: use it to try the pipeline, not as a stance resource.")
    if sims:
        total = people + sims
        return (f"**Mixed provenance**: {people} of {_n(total, 'vote')} ({_pct(people / total)}) come from "
                f"{n_people} {kind} and {sims} ({_pct(sims / total)}) from "
                f"{_n(who.get('simulated', 0), 'simulated annotator')} (stancekit's demo/test simulator); the "
                "`simulated` column of `annotations` marks each vote. Labels aggregate both kinds: treat them as a "
                "trial of the pipeline, not as a stance resource.")
    if inputs.people_kind == "machine-generated":
        return (f"The {_n(people, 'vote')} come from {who.get('people', 0)} {kind}, not from people.")
    return f"All {_n(people, 'vote')} come from {who.get('people', 0)} people ({inputs.people_kind})."


def _languages(inputs: CardInputs) -> str:
    if inputs.pairs_by_language:
        return ", ".join(f"{lang} ({n} pairs)" for lang, n in sorted(inputs.pairs_by_language.items()))
    return ", ".join(inputs.languages) or "unknown"


def _licence_lines(inputs: CardInputs) -> list[str]:
    """The license of the labels apart from the licenses of the article text they quote."""
    how = ("set by the publisher" if inputs.license_set else
           "derived from the sources; set `export.license` to choose the license of the labels")
    quoted = ("Text quoted from the articles (unit text, `context`, titles, `speaker`, `cue`) is not relicensed: "
              "it stays under each source's license." if inputs.text_mode == "full" else
              "This export quotes no article text; the articles a user re-hydrates stay under their sources' "
              "licenses.")
    return [
        f"Dataset license: `{inputs.license}` ({how}). It covers the labels, votes, offsets and the claims "
        f"registry. {quoted}",
        "",
        f"Sources (articles): {_counts(inputs.sources)}. Licenses of the source articles: "
        f"{_counts(inputs.source_licenses)}. Where a source's license forbids redistribution, publish the "
        "`--text none` export instead.",
    ]


def card_body(inputs: CardInputs) -> str:
    rows = _split_rows(inputs, "default")
    total = sum(n for n, _ in rows.values())
    text_note = (
        "Each row carries the unit's text, its neighbours (`context`) and the article title, not the whole article."
        if inputs.text_mode == "full"
        else "This export carries **no text from the articles** (`--text none`): ids, URLs and offsets only; "
             "re-hydrate from your own copy of the articles (see Data fields)."
    )
    labels = "\n".join(f"- `{i}` **{lab}**: {inputs.label_descriptions.get(lab, '')}"
                       for i, lab in enumerate(inputs.labels))
    out = [
        f"# {inputs.pretty_name}",
        "",
        inputs.description or "A stance-labelled dataset of claims in news articles, built with stancekit.",
        "",
        f"{total} (claim, text unit) pairs from news articles, each labelled with the stance the unit (a sentence "
        f"or title) takes towards a tracked claim: {inputs.claims} claims, {inputs.outlets} outlets, languages: "
        f"{_languages(inputs)}. {text_note}",
        "",
        "```python",
        "from datasets import load_dataset",
        'ds = load_dataset("path/or/repo")                 # default',
        'votes = load_dataset("path/or/repo", "annotations")',
        "```",
        "",
        "## Data fields",
        "",
        *field_lines(inputs.text_mode, inputs.labels),
        "",
        f"## Labels (scheme `{inputs.scheme_id}`)",
        "",
        "The stance of the unit itself towards the claim, not of the article, the outlet or the speaker in general:",
        "",
        labels,
        "",
        "## How the data was made",
        "",
        f"Articles were segmented into units (segmenter: {_names(inputs.segmenters)}): sentences and "
        "claim units (reported speech with a speaker and cue where found); boilerplate was set aside. Units were "
        f"matched to the claims registry (matcher: {_names(inputs.matchers)}) and the candidate "
        f"pairs labelled in Label Studio by {inputs.annotators} annotators (target: {inputs.overlap} per item), "
        f"following {inputs.guideline}. Votes were aggregated with "
        f"{_names(inputs.aggregators)}; final labels decided by: {_counts(inputs.decided_by)}.",
        "",
        *_selection_lines(inputs),
        "",
        "### Agreement",
        "",
        *_agreement_lines(inputs.agreement),
        "",
        "## Splits",
        "",
        *_audit_lines(inputs.audit, inputs.labels),
        "",
        *_baseline_lines(inputs.baseline),
        "## Sources and licenses",
        "",
        *_licence_lines(inputs),
        "",
        "## Personal information",
        "",
        "Annotators appear only as pseudonyms (`ann-` + 10 hex of an HMAC of their Label Studio user id under a "
        "secret per-campaign key): stable within this dataset, not linkable to another campaign, not reversible "
        "without the key, which is not published. No e-mail, user name, account id or annotator note is in the "
        "data. The articles name people as speakers and in the text, public figures mostly but not only; nothing "
        "was removed from them.",
        "",
        "## Limitations",
        "",
        "- `speaker`, `cue` and `quote_type` come from the automatic segmenter and were not checked by annotators.",
        "- Only pairs proposed by the matcher were labelled: stance towards a claim expressed without the claim's "
        "words is under-represented.",
        "- Pairs without a final label (ties awaiting adjudication, too few votes) are not in the dataset, and their "
        "votes are not in `annotations`.",
        "- Near-duplicate detection is lexical: a story rewritten in other words is not grouped with its source.",
        "- Labels reflect the annotators and the guideline; see the agreement above before treating them as gold.",
        *[f"- {n}" for n in inputs.notes],
        "",
        "Built with stancekit; lineage (input hashes, versions, Label Studio project ids) is in `manifest.json`.",
        "",
    ]
    return "\n".join(out)


def render_card(inputs: CardInputs) -> str:
    """The full README.md: YAML metadata between ``---`` lines, then the body."""
    return f"---\n{card_data(inputs).to_yaml()}\n---\n\n{card_body(inputs)}"

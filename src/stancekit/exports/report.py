"""The campaign report: one self-contained HTML file (inline SVG plots and CSS; nothing fetched when viewed)."""

from __future__ import annotations

import html
import io
import math
import re
from dataclasses import dataclass, field
from typing import Any

import polars as pl

_RTL_LANGS = {"ar", "fa", "ur", "he"}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Naskh Arabic",sans-serif;margin:2rem auto;
max-width:1100px;padding:0 1rem;color:#1d2430;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}th,td{border:1px solid #d8dde6;padding:.25rem .55rem;
text-align:right}th{background:#f2f4f8}td.l,th.l{text-align:left}.muted{color:#6b7385}.warn{color:#a05a00}
.ok{color:#1d7a3a}.bad{color:#b00020}.grid{display:flex;flex-wrap:wrap;gap:1.2rem}.card{border:1px solid #d8dde6;
border-radius:6px;padding:.6rem .9rem;background:#fbfcfe}[dir=rtl]{text-align:right;font-family:"Noto Naskh Arabic",
"Amiri","Segoe UI",sans-serif}figure{margin:.5rem 0}svg{max-width:100%;height:auto}
"""


@dataclass
class ReportData:
    """Everything the report shows; each part may be missing (the section then says what to run)."""

    title: str
    counts: dict[str, int] = field(default_factory=dict)
    labels: tuple[str, ...] = ()
    label_by_split: pl.DataFrame | None = None  # split, label, n
    agreement: dict[str, Any] | None = None
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)  # claim_id -> {text: {lang: str}}
    mentions: pl.DataFrame | None = None  # reports/track/mentions.parquet
    rejects: pl.DataFrame | None = None  # stage, reason, n
    audit: dict[str, Any] | None = None
    baseline: dict[str, Any] | None = None


def _e(x: object) -> str:
    return html.escape("" if x is None else str(x))


def _fmt(x: object, digits: int = 3) -> str:
    if isinstance(x, float):
        return "n/a" if math.isnan(x) else f"{x:.{digits}f}"
    return _e(x)


def _ci(entry: dict[str, Any], key: str) -> str:
    ci = entry.get(f"{key}_ci")
    if isinstance(ci, (list, tuple)) and len(ci) == 2 and all(isinstance(v, (int, float)) for v in ci):
        return f" <span class=muted>[{ci[0]:.3f}, {ci[1]:.3f}]</span>"
    if isinstance(ci, dict) and "low" in ci and "high" in ci:
        return f" <span class=muted>[{_fmt(ci['low'])}, {_fmt(ci['high'])}]</span>"
    return ""


def _text(text: str, lang: str) -> str:
    d = "rtl" if lang in _RTL_LANGS else "ltr"
    return f'<span dir="{d}" lang="{_e(lang)}">{_e(text)}</span>'


def _svg(fig: Any) -> str:
    """Inline SVG without matplotlib's RDF metadata (dates and namespace URLs: not needed, and not reproducible)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    return re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)


def _label_split_plot(df: pl.DataFrame, labels: tuple[str, ...]) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    splits = [s for s in ("train", "validation", "test") if s in set(df["split"].to_list())]
    fig, ax = plt.subplots(figsize=(6.5, 2.6))
    left = [0.0] * len(splits)
    for lab in labels:
        vals = [int(df.filter((pl.col("split") == s) & (pl.col("label") == lab))["n"].sum()) for s in splits]
        ax.barh(splits, vals, left=left, label=lab)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_xlabel("labelled pairs")
    ax.invert_yaxis()
    ax.legend(ncol=len(labels), fontsize=8, loc="lower right", bbox_to_anchor=(1, 1.02), frameon=False)
    return _svg(fig)


def _timeline_plot(m: pl.DataFrame, claim_id: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sub = m.filter(pl.col("claim_id") == claim_id)
    by = sub.group_by("period", "outlet").agg(pl.col("mentions").sum()).sort("period")
    periods = sorted(set(by["period"].cast(pl.Utf8).to_list()))
    fig, ax = plt.subplots(figsize=(7, 2.6))
    for outlet in sorted({o or "(unknown)" for o in by["outlet"].to_list()}):
        o = by.filter(pl.col("outlet").fill_null("(unknown)") == outlet)
        counts = dict(zip(o["period"].cast(pl.Utf8).to_list(), o["mentions"].to_list(), strict=True))
        ax.plot(periods, [counts.get(p, 0) for p in periods], marker="o", label=outlet)
    ax.set_ylabel("mentions")
    ax.tick_params(axis="x", rotation=30, labelsize=7)
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return _svg(fig)


def _agreement_section(ag: dict[str, Any] | None, claims: dict[str, dict[str, Any]]) -> str:
    if not ag:
        return "<p class=muted>No agreement yet: run <code>stancekit merge</code>.</p>"
    ov = ag.get("overall", {})
    parts = ["<div class=grid>"]
    for key, name in (
        ("krippendorff_alpha", "Krippendorff's α"),
        ("fleiss_kappa", "Fleiss' κ"),
        ("percent_agreement", "percent agreement"),
        ("n_items", "items"),
    ):
        if key in ov:
            parts.append(f"<div class=card><b>{name}</b><br>{_fmt(ov[key])}{_ci(ov, key)}</div>")
    parts.append("</div>")
    for w in ag.get("warnings", []) or []:
        parts.append(f"<p class=warn>⚠ {_e(w)}</p>")
    per_claim = ag.get("per_claim") or {}
    if per_claim:
        parts.append(
            "<h3>Per claim</h3><table><tr><th class=l>claim</th><th>items</th><th>α [95% CI]</th>"
            "<th>percent agreement</th></tr>"
        )
        for cid, e in sorted(per_claim.items()):
            text = claims.get(cid, {}).get("text", {})
            shown = " · ".join(_text(t, lang) for lang, t in sorted(text.items())) if text else ""
            parts.append(
                f"<tr><td class=l><code>{_e(cid)}</code><br>{shown}</td><td>{_e(e.get('n_items'))}</td>"
                f"<td>{_fmt(e.get('krippendorff_alpha'))}{_ci(e, 'krippendorff_alpha')}</td>"
                f"<td>{_fmt(e.get('percent_agreement'))}</td></tr>"
            )
        parts.append("</table>")
    per_ann = ag.get("per_annotator") or {}
    if per_ann:
        labels = ag.get("labels") or []
        parts.append("<h3>Annotators (pseudonyms)</h3><div class=grid>")
        for name, e in sorted(per_ann.items()):
            parts.append(
                f"<div class=card><b>{_e(name)}</b><br>votes {_e(e.get('n_votes', e.get('votes')))}"
                f" · accuracy vs consensus {_fmt(e.get('accuracy_vs_consensus'))}"
            )
            conf = (e.get("confusion_vs_consensus") or {}).get("matrix")
            if conf and labels:
                parts.append(
                    "<table><tr><th class=l>consensus ↓ / said →</th>"
                    + "".join(f"<th>{_e(lab)}</th>" for lab in labels)
                    + "</tr>"
                )
                for lab, row in zip(labels, conf, strict=False):
                    total = max(1, sum(row))
                    cells = "".join(
                        f'<td style="background:rgba(40,90,200,{0.08 + 0.6 * v / total:.2f})">{v}</td>' for v in row
                    )
                    parts.append(f"<tr><th class=l>{_e(lab)}</th>{cells}</tr>")
                parts.append("</table>")
            parts.append("</div>")
        parts.append("</div>")
    return "".join(parts)


def _audit_section(audit: dict[str, Any] | None) -> str:
    if not audit:
        return "<p class=muted>No split yet: run <code>stancekit split</code>.</p>"
    enforced = set(audit.get("enforced") or [])
    verdict = ("<p class=ok>✓ no group and no near-duplicate cluster crosses splits</p>" if audit.get("ok")
               else "<p class=bad>✗ leakage: a group or near-duplicate cluster crosses splits</p>")
    rule = audit.get("rule") or {}
    head = (f"<p>Grouped by <b>{_e(audit.get('group_by'))}</b>, ratios {_e(rule.get('ratios'))}, seed "
            f"{_e(rule.get('seed'))}.</p>")
    pairs = ("train/validation", "train/test", "validation/test")
    rows = ["<table><tr><th class=l>key</th><th class=l>must not cross</th><th>values</th><th>crossing</th>"
            + "".join(f"<th>{p}</th>" for p in pairs) + "</tr>"]
    for key, o in sorted((audit.get("overlap") or {}).items(), key=lambda kv: (kv[0] not in enforced, kv[0])):
        between = o.get("between") or {}
        bad = key in enforced and o.get("crossing")
        rows.append(f"<tr><td class=l><code>{_e(key)}</code></td><td class=l>{'yes' if key in enforced else 'no'}"
                    f"</td><td>{_e(o.get('values'))}</td><td class={'bad' if bad else ''}>{_e(o.get('crossing'))}</td>"
                    + "".join(f"<td>{_e(between.get(p))}</td>" for p in pairs) + "</tr>")
    rows.append("</table>")
    return verdict + head + "".join(rows)


def _stance_plot(m: pl.DataFrame, claim_id: str, labels: tuple[str, ...]) -> str | None:
    """Stance counts per period (all outlets), stacked; None before any label exists."""
    cols = [lab for lab in labels if lab in m.columns]
    sub = m.filter(pl.col("claim_id") == claim_id)
    if not cols or sub.select(pl.sum_horizontal(cols).sum()).item() == 0:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by = sub.group_by("period").agg([pl.col(c).sum() for c in cols]).sort("period")
    periods = by["period"].cast(pl.Utf8).to_list()
    fig, ax = plt.subplots(figsize=(7, 2.2))
    bottom = [0] * len(periods)
    for lab in cols:
        vals = by[lab].to_list()
        ax.bar(periods, vals, bottom=bottom, label=lab)
        bottom = [a + b for a, b in zip(bottom, vals, strict=True)]
    ax.set_ylabel("labelled")
    ax.tick_params(axis="x", rotation=30, labelsize=7)
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return _svg(fig)


def render_report(data: ReportData) -> str:
    out = [
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{_e(data.title)}</title>"
        f"<meta name=viewport content='width=device-width, initial-scale=1'><style>{CSS}</style></head><body>",
        f"<h1>{_e(data.title)}</h1>",
    ]
    if data.counts:
        out.append(
            "<div class=grid>"
            + "".join(f"<div class=card><b>{_e(k)}</b><br>{v:,}</div>" for k, v in data.counts.items())
            + "</div>"
        )
    out.append("<h2>Labels per split</h2>")
    if data.label_by_split is not None and data.label_by_split.height:
        out.append(f"<figure id=plot-label-split>{_label_split_plot(data.label_by_split, data.labels)}</figure>")
        order = {"train": 0, "validation": 1, "test": 2}
        piv = (data.label_by_split.pivot(on="label", index="split", values="n").fill_null(0)
               .sort(pl.col("split").replace_strict(order, default=9, return_dtype=pl.Int64)))
        cols = [c for c in data.labels if c in piv.columns]
        out.append("<table><tr><th class=l>split</th>" + "".join(f"<th>{_e(c)}</th>" for c in cols) + "</tr>")
        for r in piv.iter_rows(named=True):
            out.append(f"<tr><td class=l>{_e(r['split'])}</td>" + "".join(f"<td>{r[c]}</td>" for c in cols) + "</tr>")
        out.append("</table>")
    else:
        out.append("<p class=muted>No split yet: run <code>stancekit split</code>.</p>")
    out.append("<h2>Agreement</h2>" + _agreement_section(data.agreement, data.claims))
    out.append("<h2>Claims over time, by outlet</h2>")
    if data.mentions is not None and data.mentions.height:
        for cid in sorted(set(data.mentions["claim_id"].to_list())):
            text = data.claims.get(cid, {}).get("text", {})
            shown = " · ".join(_text(t, lang) for lang, t in sorted(text.items()))
            out.append(f"<h3><code>{_e(cid)}</code> {shown}</h3>")
            out.append(f"<figure class=timeline>{_timeline_plot(data.mentions, cid)}</figure>")
            stance = _stance_plot(data.mentions, cid, data.labels)
            if stance:
                out.append(f"<figure class=stance>{stance}</figure>")
    else:
        out.append("<p class=muted>No timelines yet: run <code>stancekit track</code>.</p>")
    out.append("<h2>Rejected rows, by stage and reason</h2>")
    if data.rejects is not None and data.rejects.height:
        out.append("<table><tr><th class=l>stage</th><th class=l>reason</th><th>rows</th></tr>")
        out.extend(
            f"<tr><td class=l>{_e(s)}</td><td class=l>{_e(r)}</td><td>{n}</td></tr>"
            for s, r, n in data.rejects.iter_rows()
        )
        out.append("</table>")
    else:
        out.append("<p class=muted>No rejected rows.</p>")
    out.append("<h2>Leakage audit</h2>" + _audit_section(data.audit))
    if data.baseline:
        test = data.baseline.get("test", {})
        out.append(
            f"<h2>Baseline</h2><p>{_e(data.baseline.get('model'))}: macro-F1 on test {_fmt(test.get('macro_f1'))}</p>"
        )
    out.append("<p class=muted>Written by stancekit. Annotators appear only under pseudonyms.</p></body></html>")
    return "\n".join(out)

"""Claim timelines as pictures: one PNG per claim (matplotlib, Agg) and a self-contained HTML page (no network).

The HTML embeds the PNG as base64 and shows the claim's texts, mentions per period and outlet, the most frequent
speakers and, once labels exist, the stance counts. Arabic text is set right-to-left (``dir="rtl"``).
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from typing import Any

import polars as pl

from stancekit.builder.claims import Claim
from stancekit.builder.normalize import is_arabic

MAX_OUTLETS = 8


def _dir(text: str) -> str:
    return ' dir="rtl"' if is_arabic(text) else ""


def _stacked_bars(ax: Any, periods: list[str], series: list[tuple[str, list[int]]], ylabel: str) -> None:
    """One bar per period, the series stacked in order, integer y ticks, period labels and a legend."""
    from matplotlib.ticker import MaxNLocator

    bottom = [0] * len(periods)
    for name, values in series:
        ax.bar(range(len(periods)), values, bottom=bottom, label=name)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xticks(range(len(periods)), periods, rotation=60, ha="right", fontsize=7)
    ax.legend(fontsize=7, loc="upper left", frameon=False)


def render_png(claim_id: str, rows: pl.DataFrame, label_names: Sequence[str], *, title: str = "") -> bytes:
    """A PNG: mentions per period stacked by outlet; below it, stance counts per period when labels exist."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [n for n in label_names if n in rows.columns]
    periods = sorted(rows["period"].unique().to_list()) if rows.height else []
    n_panels = 2 if labels and rows.height else 1
    fig, axes = plt.subplots(n_panels, 1, figsize=(max(6.0, 0.35 * len(periods) + 3), 3.2 * n_panels),
                             squeeze=False)
    ax = axes[0][0]
    if not periods:
        ax.text(0.5, 0.5, "no mentions", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        outlets = (rows.with_columns(pl.col("outlet").fill_null("(unknown)")).group_by("outlet")
                   .agg(pl.col("mentions").sum()).sort(["mentions", "outlet"], descending=[True, False]))["outlet"]
        top = outlets.head(MAX_OUTLETS).to_list()
        frame = rows.with_columns(pl.col("outlet").fill_null("(unknown)")).with_columns(
            pl.when(pl.col("outlet").is_in(top)).then(pl.col("outlet")).otherwise(pl.lit("(other)")).alias("outlet"))
        series = []
        for outlet in [*top, "(other)"]:
            per = dict(frame.filter(pl.col("outlet") == outlet).group_by("period").agg(pl.col("mentions").sum())
                       .iter_rows())
            values = [int(per.get(p, 0)) for p in periods]
            if any(values):
                series.append((outlet, values))
        _stacked_bars(ax, periods, series, "mentions")
        if n_panels == 2:
            totals = rows.group_by("period").agg([pl.col(n).sum() for n in labels]).sort("period")
            by_period = {r["period"]: r for r in totals.iter_rows(named=True)}
            series = [(name, [int(by_period[p][name]) if p in by_period else 0 for p in periods]) for name in labels]
            _stacked_bars(axes[1][0], periods, series, "labelled pairs")
    fig.suptitle(title or claim_id, fontsize=10)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return buf.getvalue()


def _table(frame: pl.DataFrame, max_rows: int = 200) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    body = []
    for row in frame.head(max_rows).iter_rows():
        cells = []
        for v in row:
            text = "" if v is None else str(v)
            cells.append(f"<td{_dir(text)}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = f"<p>{frame.height - max_rows} more rows in mentions.parquet</p>" if frame.height > max_rows else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def render_html(claim: Claim | None, claim_id: str, rows: pl.DataFrame, png: bytes, label_names: Sequence[str],
                *, note: str = "") -> str:
    """A self-contained page for one claim."""
    texts = "".join(
        f'<p class="claim" lang="{html.escape(lang)}"{_dir(t)}>{html.escape(t)}</p>'
        for lang, t in (claim.variants() if claim else [])
    )
    labels = [n for n in label_names if n in rows.columns]
    by_outlet = (rows.group_by("period", "outlet").agg(pl.col("mentions").sum()).sort("period", "outlet")
                 if rows.height else rows.select("period", "outlet", "mentions"))
    speakers = (rows.filter(pl.col("speaker").is_not_null()).group_by("speaker").agg(pl.col("mentions").sum())
                .sort(["mentions", "speaker"], descending=[True, False]).head(20))
    stance = ""
    if labels and rows.height:
        st = rows.group_by("period").agg([pl.col(n).sum() for n in [*labels, "unlabelled"] if n in rows.columns])
        stance = "<h2>Stance (merged labels)</h2>" + _table(st.sort("period"))
    img = base64.b64encode(png).decode("ascii")
    total = int(rows["mentions"].sum()) if rows.height else 0
    notes = f'<p class="note">{html.escape(note)}</p>' if note else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(claim_id)}: claim timeline</title>
<style>body{{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:2px 8px;font-size:90%}}
.claim{{font-size:120%}}[dir=rtl]{{text-align:right}}.note{{color:#a50}}img{{max-width:100%}}</style></head>
<body><h1>{html.escape(claim_id)}</h1>{texts}{notes}
<p>{total} mention(s) (one per unit-claim pair).</p>
<img alt="mentions per period" src="data:image/png;base64,{img}">
<h2>Mentions per period and outlet</h2>{_table(by_outlet)}
<h2>Speakers</h2>{_table(speakers)}{stance}
</body></html>
"""

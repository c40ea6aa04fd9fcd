"""The labeling interface and the annotators' guideline, generated from the label scheme.

Direction is chosen per task without HTML in the data: the config holds two copies of the reading block, one inside
the verified right-to-left wrapper ``<View style="direction: rtl; text-align: right;">`` and one left-to-right; the
task codec fills the fields of the copy that matches the unit's language (``<field>_rtl`` or ``<field>_ltr``) and
leaves the other copy's fields empty, so Arabic and English tasks can share one project. The unit is highlighted
between its previous and next units. Stance and flags are answered on the unit (``toName="unit"``).

The adjudication variant (``label_config(scheme, adjudication=True)``) adds, between the reading block and the
questions, a left-to-right panel with why the item is there (``$adjudication_note``: tie or low agreement, the tally,
the label the vote gave) and every vote (``$votes``: annotator pseudonyms per label). Its content is label names and
pseudonyms, so it is one left-to-right copy whatever the unit's language. The answer controls are the same (``stance``
on ``unit``), so adjudication answers parse exactly like the main project's.
"""

from __future__ import annotations

import html
from xml.sax.saxutils import quoteattr

from stancekit.schemas.labels import FLAGS, LabelScheme

DIRECTIONS = ("ltr", "rtl")
RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"})
# the reading block, in display order: (data field, style of its wrapper)
READING_FIELDS: tuple[tuple[str, str], ...] = (
    ("headline", "font-weight: bold; font-size: 1.15em; margin-bottom: 0.5em;"),
    ("context_before", "color: #555;"),
    ("unit", "background: #fff3bf; border-left: 4px solid #f0b400; padding: 0.4em; margin: 0.3em 0;"),
    ("context_after", "color: #555;"),
    ("speaker", "font-style: italic; margin-top: 0.4em;"),
    ("claim", "margin-top: 1em; padding: 0.4em; border: 1px solid #9bb7d4; background: #eef4fb;"),
    ("claim_notes", "color: #555; font-size: 0.9em;"),
)
FLAG_TITLES = {"bad_segment": "Bad segment (the highlighted text is cut wrongly)",
               "wrong_claim": "Wrong claim (this claim should not have been matched)"}
STANCE = "stance"
FLAGS_NAME = "flags"
NOTE = "note"
ANCHOR = "unit"
# the adjudication panel: (data key = Text name, style of its wrapper)
ADJUDICATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("adjudication_note", "font-weight: bold; margin-bottom: 0.3em;"),
    ("votes", "font-family: monospace;"),
)
_ADJ_PANEL = "direction: ltr; text-align: left; margin-top: 1em; padding: 0.5em; border: 1px solid #d9a0a0; " \
    "background: #fdf0f0;"


def direction(lang: str | None) -> str:
    """``rtl`` for right-to-left languages (Arabic, Persian, Hebrew, Urdu, ...), else ``ltr``."""
    return "rtl" if (lang or "").split("-")[0].lower() in RTL_LANGS else "ltr"


def field_name(field: str, dir_: str) -> str:
    """The data key and Text tag name of one reading field in one direction (``unit`` stays the answer anchor)."""
    return field if dir_ == "ltr" else f"{field}_rtl"


def data_key(field: str, dir_: str) -> str:
    return f"{field}_{dir_}"


# A task fills the reading fields of its own direction only; the other direction's (empty) boxes are hidden, so an
# Arabic task shows no empty left-to-right panels and vice versa.
_FIELD_CLASS = "stk-field"
_HIDE_EMPTY = f".{_FIELD_CLASS}:not(:has(.lsf-richtext__line:not(:empty))) {{ display: none; }}"


def _reading_block(dir_: str) -> list[str]:
    align = "right" if dir_ == "rtl" else "left"
    out = [f'  <View style="direction: {dir_}; text-align: {align};">']
    for field, style in READING_FIELDS:
        name, key = field_name(field, dir_), data_key(field, dir_)
        out.append(f'    <View className="{_FIELD_CLASS}" style={quoteattr(style)}>')
        out.append(f'      <Text name="{name}" value="${key}" granularity="word"/>')
        out.append("    </View>")
    out.append("  </View>")
    return out


def _adjudication_block() -> list[str]:
    out = [f"  <View style={quoteattr(_ADJ_PANEL)}>",
           '    <Header value="Adjudication: the annotators disagreed; their votes" size="5"/>']
    for key, style in ADJUDICATION_FIELDS:
        out.append(f"    <View style={quoteattr(style)}>")
        out.append(f'      <Text name="{key}" value="${key}"/>')
        out.append("    </View>")
    out.append("  </View>")
    return out


def label_config(scheme: LabelScheme, *, adjudication: bool = False) -> str:
    """The Label Studio XML for ``scheme`` (validated by the server on project create/update).

    ``adjudication``: the adjudication project's variant, which also shows the votes and the reason.
    """
    lines = ["<View>", f"  <Style>{_HIDE_EMPTY}</Style>"]
    for dir_ in DIRECTIONS:
        lines += _reading_block(dir_)
    if adjudication:
        lines += _adjudication_block()
    lines.append('  <Header value="Stance of the highlighted text towards the claim"/>')
    lines.append(f'  <Choices name="{STANCE}" toName="{ANCHOR}" choice="single-radio" required="true" '
                 'showInline="true">')
    for i, lab in enumerate(scheme.labels):
        hotkey = f' hotkey="{i + 1}"' if i < 9 else ""
        hint = scheme.describe(lab)
        hint_attr = f" hint={quoteattr(hint)}" if hint else ""
        lines.append(f"    <Choice value={quoteattr(lab)}{hotkey}{hint_attr}/>")
    lines.append("  </Choices>")
    lines.append('  <Header value="Problems (optional)" size="6"/>')
    lines.append(f'  <Choices name="{FLAGS_NAME}" toName="{ANCHOR}" choice="multiple" showInline="true">')
    for flag in FLAGS:
        lines.append(f"    <Choice value={quoteattr(FLAG_TITLES.get(flag, flag))} alias={quoteattr(flag)}/>")
    lines.append("  </Choices>")
    lines.append(f'  <TextArea name="{NOTE}" toName="{ANCHOR}" maxSubmissions="1" editable="true" rows="2" '
                 'placeholder="Note (optional)"/>')
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def default_guideline(scheme: LabelScheme) -> str:
    """A Markdown guideline generated from the labels, used when ``[labels] guideline`` is empty."""
    lines = [f"# Stance labelling ({scheme.id})", "",
             "Read the highlighted text in its context and decide its stance towards the claim shown below it.", ""]
    for i, lab in enumerate(scheme.labels):
        lines.append(f"- **{lab}** (key {i + 1}): {scheme.describe(lab) or '(no description)'}")
    lines += ["", "Judge only what the highlighted text says, not the rest of the article or your own view.",
              "Use the claim's notes when they are shown.",
              "Tick **Bad segment** when the highlighted text is cut in the wrong place, **Wrong claim** when the "
              "claim has nothing to do with the text; skip a task only when you cannot judge it at all."]
    return "\n".join(lines) + "\n"


def adjudication_guideline(markdown: str) -> str:
    """The adjudicators' guideline: what the project is for, then the annotators' guideline ``markdown``."""
    head = ["# Adjudication", "",
            "The annotators disagreed on these items: their votes were tied, or their agreement was low. Each task "
            "shows every vote with the annotator's pseudonym and the label the vote gave, if any.",
            "Read the highlighted text and the claim and choose the stance yourself, by the same guideline: "
            "**your answer decides the item** on the next `stancekit merge`.", ""]
    return "\n".join(head) + "\n" + markdown


def guideline_html(markdown: str) -> str:
    """A small, safe Markdown subset (headings, bullet lists, bold, paragraphs) as HTML for ``expert_instruction``."""
    import re

    def inline(text: str) -> str:
        return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(text))

    out: list[str] = []
    in_list = False
    for raw in markdown.splitlines():
        line = raw.rstrip()
        is_item = line.lstrip().startswith(("- ", "* "))
        if in_list and not is_item:
            out.append("</ul>")
            in_list = False
        if not line:
            continue
        if line.startswith("#"):
            level = min(len(line) - len(line.lstrip("#")), 4)
            out.append(f"<h{level}>{inline(line.lstrip('#').strip())}</h{level}>")
        elif is_item:
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{inline(line.lstrip()[2:])}</li>")
        else:
            out.append(f"<p>{inline(line)}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)

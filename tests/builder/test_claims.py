"""The claims registry: loading, validation errors that name the claim and field, CSV form, round-trip writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from stancekit.builder.claims import Claim, add_claim, install_registry, load_registry, registry_from_data
from stancekit.errors import ClaimsError

GOOD = """\
# tracked claims: keep this comment
claims:
  # the first claim
  - claim_id: us-troops-stay-iraq
    text: {en: "US troops will stay in Iraq", ar: "القوات الأمريكية ستبقى في العراق"}
    aliases: {en: ["US forces will remain in Iraq"]}      # optional
    keywords: {ar: ["القوات الأمريكية", "العراق"]}
    active: {from: 2021-01-01, to: null}
    notes: "what counts as agree/disagree"
  - claim_id: iran-drones
    text: {en: "Iran is building armed drones"}
"""


def write(tmp_path: Path, text: str, name: str = "claims.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_load_good_registry(tmp_path: Path) -> None:
    reg = load_registry(write(tmp_path, GOOD))
    assert reg.ids == ["us-troops-stay-iraq", "iran-drones"]
    c = reg.get("us-troops-stay-iraq")
    assert c.text["ar"] == "القوات الأمريكية ستبقى في العراق"
    assert c.aliases == {"en": ("US forces will remain in Iraq",)}
    assert c.keywords == {"ar": ("القوات الأمريكية", "العراق")}
    assert c.active_from == date(2021, 1, 1) and c.active_to is None
    assert c.variants() == [("en", "US troops will stay in Iraq"), ("ar", "القوات الأمريكية ستبقى في العراق"),
                            ("en", "US forces will remain in Iraq")]


@pytest.mark.parametrize(
    ("claims", "needles"),
    [
        ([{"claim_id": "a", "text": {"en": "x"}}, {"claim_id": "a", "text": {"en": "y"}}],
         ["'a'", "claim_id", "duplicate"]),
        ([{"claim_id": "a", "text": {"en": "   "}}], ["'a'", "text.en", "empty"]),
        ([{"claim_id": "a", "text": {}}], ["'a'", "field text", "empty"]),
        ([{"claim_id": "a"}], ["'a'", "field text", "empty"]),
        ([{"claim_id": "a", "text": {"english": "x"}}], ["'a'", "text.english", "unknown language code"]),
        ([{"claim_id": "a", "text": {"en": "x"}, "aliases": {"xx": ["y"]}}], ["'a'", "aliases.xx", "language"]),
        ([{"claim_id": "a", "text": {"en": "x"}, "active": {"from": "2021-13-01"}}],
         ["'a'", "active.from", "bad date"]),
        ([{"claim_id": "a", "text": {"en": "x"}, "active": {"from": "2021-02-01", "to": "2021-01-01"}}],
         ["'a'", "active", "before"]),
        ([{"claim_id": "a b", "text": {"en": "x"}}], ["claim_id", "'a b'"]),
        ([{"claim_id": "a", "text": {"en": "x"}, "colour": "red"}], ["'a'", "unknown field", "colour"]),
        ([{"claim_id": "a", "text": "x"}], ["'a'", "field text", "language"]),
    ],
)
def test_validation_errors_name_claim_and_field(claims: list[dict[str, object]], needles: list[str]) -> None:
    with pytest.raises(ClaimsError) as info:
        registry_from_data({"claims": claims}, "claims.yaml")
    msg = str(info.value)
    assert msg.startswith("claims.yaml")
    for needle in needles:
        assert needle in msg, msg


def test_bad_date_in_yaml_file(tmp_path: Path) -> None:
    path = write(tmp_path, "claims:\n  - claim_id: c1\n    text: {en: x}\n    active: {from: 2021-02-30}\n")
    with pytest.raises(ClaimsError, match=r"claim 'c1', field active.from: bad date"):
        load_registry(path)


def test_not_yaml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ClaimsError, match="not valid YAML"):
        load_registry(write(tmp_path, "claims: [\n"))
    with pytest.raises(FileNotFoundError):
        load_registry(tmp_path / "nope.yaml")


def test_csv_form_and_conversion(tmp_path: Path) -> None:
    csv_text = ("claim_id,lang,text,aliases\n"
                "us-troops-stay-iraq,en,US troops will stay in Iraq,US forces will remain in Iraq|GIs stay\n"
                "us-troops-stay-iraq,ar,القوات الأمريكية ستبقى في العراق,\n"
                "iran-drones,en,Iran is building armed drones,\n")
    src = write(tmp_path, csv_text, "claims.csv")
    reg = load_registry(src)
    assert reg.ids == ["us-troops-stay-iraq", "iran-drones"]
    assert reg.get("us-troops-stay-iraq").aliases == {"en": ("US forces will remain in Iraq", "GIs stay")}
    dest = tmp_path / "camp" / "claims.yaml"
    dest.parent.mkdir()
    installed = install_registry(src, dest)
    assert installed.claims == reg.claims and installed.path == dest
    assert load_registry(dest).claims == reg.claims


def test_csv_errors_name_row(tmp_path: Path) -> None:
    with pytest.raises(ClaimsError, match=r"row 3, claim 'a', field lang: unknown language code 'zz'"):
        load_registry(write(tmp_path, "claim_id,lang,text\na,en,x\na,zz,y\n", "c.csv"))
    with pytest.raises(ClaimsError, match="missing column"):
        load_registry(write(tmp_path, "id,lang,text\na,en,x\n", "d.csv"))


def test_add_claim_keeps_comments_and_order(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    new = Claim("troops-leave", {"ar": "انسحاب القوات الأمريكية من العراق"})
    reg = add_claim(path, new)
    assert reg.ids == ["us-troops-stay-iraq", "iran-drones", "troops-leave"]
    text = path.read_text(encoding="utf-8")
    assert text.startswith(GOOD.rstrip("\n"))  # everything before, comments included, unchanged
    assert "# the first claim" in text and "# optional" in text
    assert load_registry(path).get("troops-leave").text == {"ar": "انسحاب القوات الأمريكية من العراق"}
    with pytest.raises(ClaimsError, match="already exists"):
        add_claim(path, new)


def test_fingerprint_changes_with_text() -> None:
    a = registry_from_data({"claims": [{"claim_id": "a", "text": {"en": "x"}}]})
    b = registry_from_data({"claims": [{"claim_id": "a", "text": {"en": "y"}}]})
    assert a.fingerprint() != b.fingerprint()


def test_a_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text('claims:\n  - claim_id: a\n    text: {en: "x"\n  - claim_id: b\n', encoding="utf-8")
    with pytest.raises(ClaimsError, match=r"claims\.yaml:4:3: not valid YAML \(expected ',' or '\}'"):
        load_registry(path)

"""Reading the stance labels back from a labeling config (what push compares with ``[labels] names``)."""

from __future__ import annotations

from stancekit.errors import ConfigError, StancekitError
from stancekit.labeling.config_xml import label_config
from stancekit.labeling.projects import LabelsChangedError, stance_labels
from stancekit.schemas import LabelScheme


def test_stance_labels_of_our_configs() -> None:
    scheme = LabelScheme(labels=("pro", "con", "neutral"), version=3)
    assert stance_labels(label_config(scheme)) == ("pro", "con", "neutral")
    assert stance_labels(label_config(scheme, adjudication=True)) == ("pro", "con", "neutral")
    assert stance_labels(label_config(LabelScheme())) == ("agree", "disagree", "discuss", "unrelated")


def test_stance_labels_of_foreign_configs() -> None:
    other = '<View><Text name="t" value="$t"/><Choices name="sentiment" toName="t"><Choice value="a"/></Choices></View>'
    assert stance_labels(other) is None
    assert stance_labels("not xml <") is None
    assert stance_labels("") is None


def test_the_error_exits_2_as_a_config_error() -> None:
    err = LabelsChangedError("x")
    assert isinstance(err, ConfigError) and isinstance(err, StancekitError) and err.exit_code == 2

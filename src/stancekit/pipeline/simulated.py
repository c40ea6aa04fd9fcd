"""Which annotator pseudonyms belong to simulated annotators: ``reports/simulated_annotators.json``.

``stancekit studio simulate`` records the pseudonyms of the accounts it answers with (the pseudonym of the Label
Studio user id, as a server pull makes it, and of the e-mail, as a pull from an exported file makes it), so that the
export can tell simulated votes from people's votes vote by vote. Pseudonyms are what the export already publishes:
the file holds no e-mail, user id or salt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from stancekit.campaign import Campaign
from stancekit.errors import InputError
from stancekit.io import atomic_write_text

SIMULATED_ANNOTATORS = "simulated_annotators.json"
SIMULATED_ANSWERS = "simulated_answers.parquet"


def simulated_pseudonyms(campaign: Campaign) -> frozenset[str] | None:
    """The recorded pseudonyms of simulated annotators; None when the campaign never recorded any."""
    path = campaign.reports / SIMULATED_ANNOTATORS
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        names = data["pseudonyms"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise TypeError("pseudonyms is not a list of strings")
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a list of simulated annotator pseudonyms ({exc}); delete it and run "
                         "`stancekit studio simulate` again to re-create it") from None
    return frozenset(names)


def record_simulated(campaign: Campaign, pseudonyms: Iterable[str]) -> frozenset[str]:
    """Add ``pseudonyms`` to the campaign's record (kept across runs); returns the whole record."""
    names = (simulated_pseudonyms(campaign) or frozenset()) | frozenset(pseudonyms)
    campaign.reports.mkdir(parents=True, exist_ok=True)
    atomic_write_text(campaign.reports / SIMULATED_ANNOTATORS,
                      json.dumps({"pseudonyms": sorted(names)}, indent=2) + "\n")
    return names


def simulation_ran(campaign: Campaign) -> bool:
    """Whether simulated annotators ever answered in this campaign (its known-answers report exists)."""
    return (campaign.reports / SIMULATED_ANSWERS).exists() or (campaign.reports / SIMULATED_ANNOTATORS).exists()

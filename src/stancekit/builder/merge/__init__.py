"""Merge: aggregate annotators' votes into labels, measure agreement, choose items for adjudication."""

from stancekit.builder.merge.dawid_skene import DawidSkene
from stancekit.builder.merge.majority_vote import MajorityVote
from stancekit.builder.merge.merge import (
    METHODS,
    MergeResult,
    aggregate_votes,
    encode_votes,
    make_aggregator,
    merge_labels,
)
from stancekit.builder.merge.protocol import NO_LABEL, Aggregator, Votes
from stancekit.builder.merge.votes import VoteTables, extract_votes

__all__ = [
    "METHODS",
    "NO_LABEL",
    "Aggregator",
    "DawidSkene",
    "MajorityVote",
    "MergeResult",
    "VoteTables",
    "Votes",
    "aggregate_votes",
    "encode_votes",
    "extract_votes",
    "make_aggregator",
    "merge_labels",
]

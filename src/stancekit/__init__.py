"""stancekit: build stance-labelled datasets from the news."""

__version__ = "0.1.0"

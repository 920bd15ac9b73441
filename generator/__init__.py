"""news-digest: turn a pile of raw news articles into a searchable static briefing site."""

__version__ = "0.1.0"

__all__ = ["__version__"]

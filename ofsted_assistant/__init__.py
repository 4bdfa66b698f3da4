"""The Ofsted process assistant: answers from ingested documents only, with verified citations."""

__version__ = "0.1.0"

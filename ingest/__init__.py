"""Ingestion pipeline: documents in `corpus/` -> cleaned, structure-aware chunks -> Chroma."""

from .pipeline import IngestReport, Progress, prepare_document, run_ingest, status

__all__ = ["IngestReport", "Progress", "prepare_document", "run_ingest", "status"]

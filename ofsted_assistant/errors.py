"""Errors a user can act on. Each carries the CLI exit code and says what to do next."""

from __future__ import annotations


class AssistantError(Exception):
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SetupError(AssistantError):
    """Something is not installed or configured."""

    exit_code = 3


class BadQuestion(AssistantError):
    """The question itself cannot be used (empty, too long, control characters)."""

    exit_code = 4


class IndexMissing(AssistantError):
    """No index has been built yet (or it is empty)."""

    exit_code = 5


class IndexUnavailable(AssistantError):
    """The index exists but cannot be reached: a Chroma server that is down, for example."""

    exit_code = 6


class IngestBusy(AssistantError):
    """Another ingest holds the lock."""

    exit_code = 7


class CorpusMissing(AssistantError):
    exit_code = 8

"""The one error base class of the library, and its friendly messages."""

from __future__ import annotations


class CleanerError(Exception):
    """Anything the library refuses to do, with a one-line message for the user."""


class NotTextError(CleanerError):
    """The input is not a text dump (binary data, or no encoding fits)."""


class InputTooLargeError(CleanerError):
    """The input is larger than the configured limit."""


class UnknownStageError(CleanerError):
    """A stage name that is not in the registry."""


class ConfigError(CleanerError):
    """A configuration file or option that cannot be used."""


NOT_TEXT = "not a text dump ({why})"
TOO_LARGE = "input is {size:,} bytes, over the limit of {limit:,} bytes (--max-bytes)"
TOO_LARGE_STREAM = "input is over the limit of {limit:,} bytes (--max-bytes)"
UNKNOWN_STAGE = "unknown stage {name!r}; known stages: {known}"

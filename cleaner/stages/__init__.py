"""The stage families; importing this package registers every stage."""

from . import normalize  # noqa: F401

"""The error the federation services raise when a rule refuses a change."""

from __future__ import annotations


class FederationError(Exception):
    """A refused change; ``str(error)`` is a polite Korean sentence fit for the user."""


class NotFoundError(FederationError):
    """The member, company, group, event or code asked for does not exist."""

"""Federation data: regional bodies, groups, companies, members, advisors and events."""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "admins",
    "advisors",
    "audit",
    "business_number",
    "companies",
    "errors",
    "event_sheet",
    "events",
    "groups",
    "linking",
    "members",
    "recurrence",
    "roster",
    "sample",
]

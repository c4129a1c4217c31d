"""The platform-neutral core of Gyoryu: conversation logic, federation data and texts."""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "answers",
    "chores",
    "clock",
    "conversation",
    "core",
    "delivery",
    "difficulties",
    "directory_sql",
    "federation",
    "lifecycle",
    "messages",
    "network",
    "outbox",
    "qa",
    "question_log",
    "ratelimit",
    "routing",
    "schedule",
    "secretariat",
    "settings",
    "skills",
    "storage",
    "texts",
    "today",
]

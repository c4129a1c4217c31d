"""Member networking: profiles and consent, partner search, introductions, needs, pairing rounds,
outcome follow-ups and the group health report.

Plain use-case functions over a session; the chat skill (:mod:`bot.skills.network`) and the
command line (``handlers/cli_network.py``) only parse and show.
"""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "intros",
    "pairing",
    "report",
    "search",
]

"""Advisor routing: a question the documents cannot answer becomes a ticket, reaches the right
advisor, comes back to the member and may become an FAQ card.

* :mod:`~bot.routing.fields`: the nine fields and the offline guess of a question's field;
* :mod:`~bot.routing.calendar`: business time (office hours, Korean public holidays);
* :mod:`~bot.routing.deadlines`: each field's SLA steps and each advisor's office hours;
* :mod:`~bot.routing.assignment`: who gets a ticket;
* :mod:`~bot.routing.tickets`: the use-cases (open, assign, answer, clarify, rate …);
* :mod:`~bot.routing.relay`: the messages tickets send through the durable queue;
* :mod:`~bot.routing.sla`: reminders, reassignment and escalation on the scheduler's clock;
* :mod:`~bot.routing.cards`: approved answers as FAQ cards the ask skill cites;
* :mod:`~bot.routing.gaps`: what the secretariat should look at.
"""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "availability",
    "cards",
    "deadlines",
    "fields",
    "gaps",
    "tickets",
]

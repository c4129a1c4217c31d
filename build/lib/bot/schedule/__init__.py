"""Meetings engine: reminder planning, the durable message queue, its dispatcher, RSVP and .ics."""

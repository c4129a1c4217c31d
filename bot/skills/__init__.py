"""Chat features, one module each, routed by a :class:`~bot.skills.registry.Registry`.

Adding a feature is one module here (its :class:`~bot.skills.skill.Skill` with commands,
buttons, dialog steps and menu), its texts and its tests, plus one line in :func:`default_skills`.
"""

from __future__ import annotations

from bot.skills import (
    ask,
    console_login,
    consult,
    difficulties,
    expert,
    help,
    link,
    meetings,
    network,
    network_needs,
    network_pairing,
    network_profile,
)
from bot.skills.registry import Registry, Route, SkillConflictError
from bot.skills.skill import Handler, Services, Skill, Step, Turn, reply

__all__ = [
    "Handler",
    "Registry",
    "Route",
    "Services",
    "Skill",
    "SkillConflictError",
    "Step",
    "Turn",
    "console_login",
    "default_skills",
    "reply",
]


def default_skills() -> Registry:
    """Every chat feature of Gyoryu (help's menu shows their buttons in this order)."""
    return Registry(
        [
            ask.skill,
            help.skill,
            expert.skill,
            consult.skill,
            link.skill,
            meetings.skill,
            difficulties.skill,
            network.skill,
            network_needs.skill,
            network_profile.skill,
            network_pairing.skill,
            console_login.skill,
        ]
    )

"""Korean particles (조사) that agree with the word before them, for the bot's texts.

The rule lives in :mod:`knowledge.josa`, which the answer composer in ``knowledge`` uses too.
"""

from knowledge.josa import Particle, particle, with_particle

__all__ = ["Particle", "particle", "with_particle"]

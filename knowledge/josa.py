"""Korean particles (조사) that agree with the word before them: 행사를, 모임이, 서울로.

A name typed by the secretariat or a member ("새벽교류회", "ISO 13485", "Acme") is only known at
run time, so the particle is chosen from its last sound: a final consonant (받침) takes
을/이/은/과/으로, none takes 를/가/는/와/로; ㄹ takes 로. Digits are read the Korean way
(1 일, 2 이, 3 삼 …).
A word whose last sound cannot be told (a Latin letter, a symbol) keeps both forms, "을(를)".
"""

from __future__ import annotations

from typing import Literal

Particle = Literal["을/를", "이/가", "은/는", "과/와", "으로/로", "이라는/라는", "이에요/예요"]

__all__ = ["Particle", "particle", "with_particle"]

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # the index of ㄹ among the final consonants
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
"""Final consonant index of each digit's Korean reading: 영(ㅇ), 일(ㄹ), 이, 삼(ㅁ), 사 …"""
_CLOSING = "'\"”’)]}」』 "


def _final_consonant(word: str) -> int | None:
    """The index of the last syllable's final consonant (0 = none), or None when unknown."""
    stripped = word.rstrip(_CLOSING)
    if not stripped:
        return None
    last = stripped[-1]
    if _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        return (ord(last) - _HANGUL_FIRST) % 28
    return _DIGIT_FINAL.get(last)


def particle(word: str, pair: Particle) -> str:
    """The form of ``pair`` that follows ``word`` ("을/를" after "행사" → "를")."""
    with_final, without_final = pair.split("/")
    final = _final_consonant(word)
    if final is None:
        optional = with_final[: len(with_final) - len(without_final)] or with_final
        if pair == "으로/로":
            return "(으)로"
        if pair in ("이라는/라는", "이에요/예요"):
            return f"({optional}){without_final}"
        return f"{with_final}({without_final})"
    if pair == "으로/로" and final == _RIEUL:
        return without_final
    return with_final if final else without_final


def with_particle(word: str, pair: Particle) -> str:
    """``word`` followed by the agreeing particle: ("행사", "을/를") → "행사를"."""
    return word + particle(word, pair)

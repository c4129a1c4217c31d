"""Particles agree with the name before them, as a Korean reader expects."""

from __future__ import annotations

import pytest

from knowledge.josa import Particle, with_particle


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("행사", "을/를", "행사를"),
        ("정례회", "이/가", "정례회가"),
        ("모임", "이/가", "모임이"),
        ("새벽교류회", "은/는", "새벽교류회는"),
        ("총회", "과/와", "총회와"),
        ("송년회", "과/와", "송년회와"),
        ("부산", "으로/로", "부산으로"),
        ("서울", "으로/로", "서울로"),
        ("오후 7시", "으로/로", "오후 7시로"),
        ("12월 20일", "으로/로", "12월 20일로"),
        ("ISO 13485", "이/가", "ISO 13485가"),
        ("제3조", "을/를", "제3조를"),
        ("'새벽 교류회'", "이라는/라는", "'새벽 교류회'라는"),
        ("'판교회'", "이라는/라는", "'판교회'라는"),
        ("'김철수'", "이에요/예요", "'김철수'예요"),
        ("'박민준'", "이에요/예요", "'박민준'이에요"),
    ],
)
def test_particle_agrees_with_the_last_sound(word: str, pair: Particle, expected: str) -> None:
    assert with_particle(word, pair) == expected


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("Acme", "을/를", "Acme을(를)"),
        ("--grop", "이라는/라는", "--grop(이)라는"),
        ("report.csv", "으로/로", "report.csv(으)로"),
        ("", "이/가", "이(가)"),
    ],
)
def test_a_sound_it_cannot_tell_keeps_both_forms(word: str, pair: Particle, expected: str) -> None:
    assert with_particle(word, pair) == expected

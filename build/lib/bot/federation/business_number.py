"""Korean business registration numbers (사업자등록번호): normalisation and checksum."""

from __future__ import annotations

_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def normalize(text: str) -> str:
    """Keep only the digits: ``"123-45-67891"`` → ``"1234567891"``."""
    return "".join(ch for ch in text if ch.isdigit())


def check_digit(first_nine: str) -> int:
    """The tenth digit the National Tax Service checksum expects after ``first_nine``."""
    digits = [int(ch) for ch in first_nine]
    total = sum(d * w for d, w in zip(digits, _WEIGHTS, strict=True))
    # The ninth digit is weighted by 5 and its tens part counted separately.
    total += digits[8] * 5 // 10
    return (10 - total % 10) % 10


def is_valid(text: str) -> bool:
    """Whether ``text`` holds ten digits whose last one matches the checksum."""
    digits = normalize(text)
    return len(digits) == 10 and check_digit(digits[:9]) == int(digits[9])


def formatted(digits: str) -> str:
    """Show ten digits the usual way, ``123-45-67891``."""
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"

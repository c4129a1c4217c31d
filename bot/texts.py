"""Every user-facing Korean text of Gyoryu, in one place (polite 해요체/합니다체).

Each area keeps its own clearly headed section below; edit only your section.
"""

from __future__ import annotations

# ── Q&A (answers, don't-know, off-topic) ────────────────────────────────────────────────

# ── Federation data (secretariat commands, roster import) ──────────────────────────────

# ── Channels (help, buttons, linking, errors) ───────────────────────────────────────────

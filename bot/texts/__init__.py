"""Every user-facing Korean text of Gyoryu, one module per surface (polite 해요체/합니다체).

* :mod:`~bot.texts.qa`: answers from the documents, "not covered", sources;
* :mod:`~bot.texts.chat`: conversation, help, buttons, feedback, experts, linking, apologies;
* :mod:`~bot.texts.meetings`: reminders, RSVPs, schedules and 애로사항;
* :mod:`~bot.texts.network`: partner search, profiles, introductions, needs, pairing, reports;
* :mod:`~bot.texts.routing`: 전문가 상담 (tickets, relays, ratings, FAQ cards);
* :mod:`~bot.texts.secretariat`: what the secretariat's commands say about federation data;
* :mod:`~bot.texts.personal_data`: a member's data export and erasure;
* :mod:`~bot.texts.channels`: the console, Kakao's waiting texts, the start-up report;
* :mod:`~bot.texts.dates`: Korean dates and times;
* :mod:`~bot.texts.josa`: particles that agree with a name known only at run time (행사를, 모임이);
* :mod:`~bot.texts.admin`: the secretariat's web console and its log-in links;
* :mod:`~bot.texts.admin_pages`: the console's 행사, 애로사항, 전문가 상담 and 네트워킹 pages.

Add a text to the module of the surface that shows it. Every text is also re-exported here, so
``texts.CH_HELP`` works wherever ``from bot import texts`` is imported. Words Gyoryu *reads*
(command names, answer words such as 네/아니요, table headers it imports) stay beside the code that
parses them; this package holds what Gyoryu *says*. ``ingest/texts.py`` keeps the ingest texts,
since ingest never imports ``bot``.
"""

from __future__ import annotations

from bot.texts.admin import *  # noqa: F403
from bot.texts.admin_pages import *  # noqa: F403
from bot.texts.channels import *  # noqa: F403
from bot.texts.chat import *  # noqa: F403
from bot.texts.dates import *  # noqa: F403
from bot.texts.josa import *  # noqa: F403
from bot.texts.meetings import *  # noqa: F403
from bot.texts.network import *  # noqa: F403
from bot.texts.personal_data import *  # noqa: F403
from bot.texts.qa import *  # noqa: F403
from bot.texts.routing import *  # noqa: F403
from bot.texts.secretariat import *  # noqa: F403

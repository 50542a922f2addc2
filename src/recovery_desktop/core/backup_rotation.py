# SPDX-License-Identifier: GPL-3.0-or-later
"""Which automatic backups to keep, and when the next one is due (issue 9, point 3). Pure.

The rule is borg's and restic's "keep daily / keep weekly", in borg's form, so people who know
those tools meet no surprise:

- daily: the newest backup of each of the `daily` most recent days that have a backup;
- weekly: then, going further back, the newest backup of each of the `weekly` most recent ISO
  weeks whose newest backup the daily rule did not already keep.

With 7 and 4 that is about a week of days and a month of weeks beyond it, never more than 11
backups. Days that have no backup (the app was not opened) are skipped, not counted: someone who
comes back after a month away still finds their last 7 days of writing, not nothing.

Days and weeks are those of the datetimes given: the caller passes local times, so "a day" is
the person's day. The newest backup is always kept (when `daily` is at least 1), so a rotation
right after a backup can never remove it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import datetime, timedelta

DAILY = 7
WEEKLY = 4
BACKUP_EVERY = timedelta(days=1)
# A backup dated this far ahead of the clock (the clock was wrong when it was made, or is wrong
# now) does not count as recent: a clock set wrong once must not stop backups for good.
CLOCK_SLACK = timedelta(minutes=5)


def backups_to_keep(
    created: Sequence[datetime], daily: int = DAILY, weekly: int = WEEKLY
) -> set[int]:
    """The indexes in `created` of the backups to keep; every other one may be deleted.

    `created` holds the times the backups were made, in any order (all naive or all aware).
    """
    if daily < 0 or weekly < 0:
        raise ValueError("daily and weekly must not be negative")
    newest_first = sorted(range(len(created)), key=lambda i: created[i], reverse=True)
    kept: set[int] = set()

    def keep_one_per(period: Callable[[datetime], Hashable], count: int) -> None:
        last: Hashable = None
        taken = 0
        for i in newest_first:
            if taken >= count:
                return
            this = period(created[i])
            if this != last:
                last = this
                if i not in kept:
                    kept.add(i)
                    taken += 1

    keep_one_per(lambda moment: moment.date(), daily)
    keep_one_per(lambda moment: tuple(moment.isocalendar())[:2], weekly)
    return kept


def backup_due(
    created: Sequence[datetime], now: datetime, every: timedelta = BACKUP_EVERY
) -> bool:
    """True when no backup was made in the last `every` (more than a day ago, by default).

    Backups dated after `now` (beyond a few minutes' slack) are ignored."""
    return not any(now - every < moment <= now + CLOCK_SLACK for moment in created)

"""Dates in the deployment's time zone (Asia/Ho_Chi_Minh), never the server's."""

import datetime

from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()


def days_between(earlier: datetime.date | None, later: datetime.date | None = None) -> int | None:
    if earlier is None:
        return None
    return ((later or today()) - earlier).days

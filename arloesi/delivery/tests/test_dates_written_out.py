"""The task tables write their dates out by hand for speed, as the ``date`` filter does."""

import pytest


@pytest.mark.parametrize("language", ["en", "cy"])
def test_task_tables_write_dates_as_the_date_filter_does(language):
    """The task tables write their hundreds of dates without the filter, the same way."""
    from datetime import date, timedelta

    from django.utils import translation

    from arloesi.core.jinja import date_format
    from arloesi.delivery.selectors.tasks import DateWriter

    with translation.override(language):
        written = DateWriter()
        days = [date(2025, 1, 1) + timedelta(days=n) for n in range(0, 365, 9)]
        assert [written(day) for day in days] == [date_format(day) for day in days]

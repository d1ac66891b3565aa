"""A health board's risk matrix as its settings page shows it."""

from dataclasses import asdict

from arloesi.risks import matrix
from arloesi.risks.models import RiskMatrixSettings


def matrix_settings_initial(*, health_board) -> dict:
    """The values the settings form starts from: the board's, or the defaults (version 0
    when nothing is saved yet)."""
    saved = RiskMatrixSettings.objects.filter(health_board=health_board).first()
    board = saved.as_matrix() if saved else matrix.DEFAULT
    values = asdict(board)
    months = values.pop("review_months")
    return {
        **values,
        "review_months_low": months[0],
        "review_months_moderate": months[1],
        "review_months_high": months[2],
        "review_months_extreme": months[3],
        "expected_version": saved.version if saved else 1,
    }

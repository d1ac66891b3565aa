"""The access walk moved to tests/walks/test_access_walk.py (its world is built once there).

Kept only so that ``from tests.test_access_walk import MARKER, World`` in
arloesi/proposals/tests/test_review_views.py still works; delete this module once nothing imports
it (``tests.walks.world`` is the place to import from).
"""

from tests.walks.world import MARKER, World

__all__ = ["MARKER", "World"]

"""A start for the ordering from the graph's shape as a whole: spectral seriation.

Sorting each column by the *Fiedler vector* (the eigenvector of the graph Laplacian's smallest
non-zero eigenvalue) puts vertices that are linked, directly or through a few steps, near each
other in every column at once. The column-by-column moves of the descent cannot see that far:
they settle, say, a primary driver and everything under it in the wrong place because moving
any one box alone makes things worse. Starting from the spectral order avoids many such traps.

The vector is approximated by a few dozen Lanczos steps (matrix-vector products over the
links), then the smallest eigenpair of the small tridiagonal matrix they build (bisection with
Sturm counts, then inverse iteration). Each connected part of the graph gets its own vector;
parts keep the order in which their first vertex comes.
"""

import math
import random
from collections.abc import Sequence

LANCZOS_STEPS = 30
SEED = 20261206


def spectral_order(
    layers: Sequence[Sequence[int]],
    up: Sequence[Sequence[int]],
    down: Sequence[Sequence[int]],
    *,
    normalized: bool = False,
) -> list[list[int]]:
    """Each layer's vertices sorted by their value in the Fiedler vector of their part
    (of the normalized Laplacian, which weighs a link by its ends' degrees, if asked)."""
    count = len(up)
    neighbours = [[*up[v], *down[v]] for v in range(count)]
    key: list[tuple[int, float]] = [(0, 0.0)] * count
    for part_number, part in enumerate(_parts(neighbours)):
        values = fiedler_vector(part, neighbours, normalized=normalized)
        for v, value in zip(part, values, strict=True):
            key[v] = (part_number, value)
    return [sorted(layer, key=key.__getitem__) for layer in layers]


def fiedler_vector(
    part: list[int], neighbours: Sequence[Sequence[int]], *, normalized: bool = False
) -> list[float]:
    """Approximate Fiedler vector of the connected ``part`` (values in the order of ``part``)."""
    n = len(part)
    if n < 3:
        return [float(i) for i in range(n)]
    local = {v: i for i, v in enumerate(part)}
    adjacency = [[local[w] for w in neighbours[v]] for v in part]
    degree = [len(a) for a in adjacency]

    if normalized:
        # I − D^-½ A D^-½: its null vector is D^½·1, and its eigenvector x gives D^-½ x.
        scale = [1 / math.sqrt(d) for d in degree]
        null = _unit([math.sqrt(d) for d in degree])

        def laplacian(x: list[float]) -> list[float]:
            y = [xi * si for xi, si in zip(x, scale, strict=True)]
            return [x[i] - scale[i] * sum(map(y.__getitem__, adjacency[i])) for i in range(n)]
    else:
        null = [1 / math.sqrt(n)] * n

        def laplacian(x: list[float]) -> list[float]:
            return [degree[i] * x[i] - sum(map(x.__getitem__, adjacency[i])) for i in range(n)]

    def _centred(x: list[float]) -> list[float]:
        along = sum(a * b for a, b in zip(x, null, strict=True))
        return [xi - along * ui for xi, ui in zip(x, null, strict=True)]

    rng = random.Random(SEED)
    q = _unit(_centred([rng.random() for _ in range(n)]))
    basis = [q]
    alphas: list[float] = []
    betas: list[float] = []
    previous = [0.0] * n
    beta = 0.0
    for _step in range(min(LANCZOS_STEPS, n - 1)):
        w = laplacian(q)
        alpha = sum(a * b for a, b in zip(q, w, strict=True))
        w = _centred(
            [wi - alpha * qi - beta * pi for wi, qi, pi in zip(w, q, previous, strict=True)]
        )
        alphas.append(alpha)
        beta = math.sqrt(sum(wi * wi for wi in w))
        if beta < 1e-9:
            break
        betas.append(beta)
        previous, q = q, [wi / beta for wi in w]
        basis.append(q)
    size = len(alphas)
    coefficients = _smallest_eigenvector(alphas, betas[: size - 1])
    vector = [0.0] * n
    for c, b in zip(coefficients, basis, strict=False):
        if c:
            vector = [vi + c * bi for vi, bi in zip(vector, b, strict=True)]
    if normalized:
        vector = [vi * si for vi, si in zip(vector, scale, strict=True)]
    return vector


def _parts(neighbours: Sequence[Sequence[int]]) -> list[list[int]]:
    seen = [False] * len(neighbours)
    parts = []
    for start in range(len(neighbours)):
        if seen[start]:
            continue
        seen[start] = True
        part = [start]
        stack = [start]
        while stack:
            v = stack.pop()
            for w in neighbours[v]:
                if not seen[w]:
                    seen[w] = True
                    part.append(w)
                    stack.append(w)
        parts.append(sorted(part))
    return parts


def _unit(x: list[float]) -> list[float]:
    norm = math.sqrt(sum(xi * xi for xi in x)) or 1.0
    return [xi / norm for xi in x]


def _smallest_eigenvector(diagonal: list[float], off: list[float]) -> list[float]:
    """Eigenvector of the smallest eigenvalue of a symmetric tridiagonal matrix."""
    n = len(diagonal)
    if n == 1:
        return [1.0]
    # Bisection on the Sturm count (eigenvalues below x) within Gershgorin's bounds.
    radius = [
        (abs(off[i - 1]) if i else 0.0) + (abs(off[i]) if i < n - 1 else 0.0) for i in range(n)
    ]
    low = min(d - r for d, r in zip(diagonal, radius, strict=True))
    high = max(d + r for d, r in zip(diagonal, radius, strict=True))
    for _ in range(60):
        middle = (low + high) / 2
        if _count_below(diagonal, off, middle) >= 1:
            high = middle
        else:
            low = middle
    shift = high + 1e-10 * max(1.0, abs(high))
    # Inverse iteration: solve (T - shift) y = y_previous a few times.
    y = [1.0] * n
    for _ in range(3):
        y = _unit(_solve_tridiagonal(diagonal, off, shift, y))
    return y


def _count_below(diagonal: list[float], off: list[float], x: float) -> int:
    count = 0
    d = 1.0
    for i in range(len(diagonal)):
        b2 = off[i - 1] ** 2 if i else 0.0
        d = diagonal[i] - x - (b2 / d if d else b2 / 1e-300)
        if d < 0:
            count += 1
    return count


def _solve_tridiagonal(diagonal, off, shift, rhs) -> list[float]:
    """Thomas algorithm for (T - shift·I) y = rhs, nudging zero pivots."""
    n = len(diagonal)
    c = [0.0] * n
    d = [0.0] * n
    pivot = diagonal[0] - shift or 1e-300
    c[0] = (off[0] / pivot) if n > 1 else 0.0
    d[0] = rhs[0] / pivot
    for i in range(1, n):
        pivot = (diagonal[i] - shift - off[i - 1] * c[i - 1]) or 1e-300
        c[i] = off[i] / pivot if i < n - 1 else 0.0
        d[i] = (rhs[i] - off[i - 1] * d[i - 1]) / pivot
    y = [0.0] * n
    y[-1] = d[-1]
    for i in range(n - 2, -1, -1):
        y[i] = d[i] - c[i] * y[i + 1]
    return y

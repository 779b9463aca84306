"""The geometry of an opinion map: two principal components, k-means, silhouette, stable ids.

Pure numpy; every step is deterministic, so the same votes give the same map and groups.
"""

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]

KS = (2, 3, 4, 5)
KEEP_K_MARGIN = 0.02  # another k must beat the previous k's silhouette by this much
_CHUNK = 1024
SILHOUETTE_SAMPLE = 2000  # above this, silhouettes are measured on evenly spaced points


def project(matrix: Floats) -> Floats:
    """Participants (rows) × statements (columns, NaN where not voted) → two coordinates each.

    A missing vote is filled with the statement's mean, the matrix centred, and each row is
    projected on the first two principal components (SVD) from the statements it voted on,
    scaled by √(statements / its votes) so that who voted little is not pulled to the middle.
    The sign of a component is fixed (its largest loading positive): the map does not flip.
    """
    rows, columns = matrix.shape
    voted = ~np.isnan(matrix)
    counts = voted.sum(axis=0)
    means = np.divide(
        np.where(voted, matrix, 0.0).sum(axis=0),
        counts,
        out=np.zeros(columns),
        where=counts > 0,
    )
    centred = np.where(voted, matrix - means, 0.0)  # a filled vote is the mean: 0 once centred
    # The right singular vectors of the centred matrix are the eigenvectors of its
    # statements × statements cross-product: a small symmetric matrix, fast to decompose.
    _, vectors = np.linalg.eigh(centred.T @ centred)
    components = np.zeros((2, columns))
    top = vectors[:, ::-1][:, :2].T
    components[: len(top)] = top
    for component in components:
        if component[np.argmax(np.abs(component))] < 0:
            component *= -1
    per_row = voted.sum(axis=1)
    scale = np.sqrt(columns / np.maximum(per_row, 1))
    result: Floats = (centred @ components.T) * scale[:, None]
    return result


def _farthest_first(points: Floats, k: int) -> Floats:
    """Deterministic seeds: the point farthest from the centre, then each time the point
    farthest from the seeds so far (ties: the lowest row)."""
    seeds = [int(np.argmax(((points - points.mean(axis=0)) ** 2).sum(axis=1)))]
    nearest = ((points - points[seeds[0]]) ** 2).sum(axis=1)
    while len(seeds) < k:
        seeds.append(int(np.argmax(nearest)))
        nearest = np.minimum(nearest, ((points - points[seeds[-1]]) ** 2).sum(axis=1))
    return points[seeds].copy()


def kmeans(points: Floats, start: Floats, rounds: int = 100) -> Ints:
    """Lloyd's k-means from the given centres; an emptied centre keeps its place."""
    centres = start.copy()
    labels: Ints = np.zeros(len(points), dtype=np.intp)
    for _ in range(rounds):
        distances = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        new = np.argmin(distances, axis=1)
        if _ and np.array_equal(new, labels):
            break
        labels = new
        for g in range(len(centres)):
            members = points[labels == g]
            if len(members):
                centres[g] = members.mean(axis=0)
    return labels


def silhouette(points: Floats, labels: Ints) -> float:
    """Mean silhouette (Rousseeuw 1987), by blocks of rows so 5,000 points fit in memory."""
    groups = np.unique(labels)
    if len(groups) < 2:
        return -1.0
    one_hot = (labels[:, None] == groups[None, :]).astype(np.float64)
    sizes = one_hot.sum(axis=0)
    scores = np.empty(len(points))
    norms = (points**2).sum(axis=1)
    for start in range(0, len(points), _CHUNK):
        block = points[start : start + _CHUNK]
        squared = (block**2).sum(axis=1)[:, None] + norms[None, :] - 2 * block @ points.T
        distances = np.sqrt(np.maximum(squared, 0.0))
        sums = distances @ one_hot
        own = np.searchsorted(groups, labels[start : start + _CHUNK])
        rows = np.arange(len(block))
        own_size = sizes[own] - 1
        a = np.divide(sums[rows, own], own_size, out=np.zeros(len(block)), where=own_size > 0)
        mean_other = sums / sizes[None, :]
        mean_other[rows, own] = np.inf
        b = mean_other.min(axis=1)
        spread = np.maximum(a, b)
        score = np.divide(b - a, spread, out=np.zeros(len(block)), where=spread > 0)
        scores[start : start + _CHUNK] = np.where(own_size > 0, score, 0.0)
    return float(scores.mean())


def cluster(points: Floats, previous: Ints | None = None) -> Ints:
    """Labels 0…k−1 with k in 2…5 chosen by silhouette.

    `previous` holds each point's previous group (−1 if it had none). For the previous k the
    k-means starts from the previous groups' centres in today's map, and that k is kept
    unless another one is clearly better: groups do not jump between recomputations.
    """
    distinct = len(np.unique(points.round(9), axis=0))
    ks = [k for k in KS if k <= distinct and k < len(points)]
    if not ks:
        return np.zeros(len(points), dtype=np.intp)
    old_k, old_start = 0, None
    if previous is not None and (previous >= 0).any():
        old_ids = np.unique(previous[previous >= 0])
        old_k = len(old_ids)
        old_start = np.array([points[previous == g].mean(axis=0) for g in old_ids])
    sample = np.unique(np.linspace(0, len(points) - 1, SILHOUETTE_SAMPLE).round().astype(np.intp))
    best: tuple[float, Ints] = (-np.inf, np.zeros(len(points), dtype=np.intp))
    for k in ks:
        start = old_start if k == old_k and old_start is not None else None
        labels = kmeans(points, start if start is not None else _farthest_first(points, k))
        score = silhouette(points[sample], labels[sample]) + (KEEP_K_MARGIN if k == old_k else 0.0)
        if score > best[0]:
            best = (score, labels)
    _, compact = np.unique(best[1], return_inverse=True)
    return compact.astype(np.intp)


def stable_ids(labels: Ints, previous: Ints) -> dict[int, int]:
    """New label → group id: each new group takes the id of the previous group it shares the
    most members with (one to one, largest overlaps first); the rest take fresh ids."""
    mapping: dict[int, int] = {}
    overlaps = []
    for new in np.unique(labels):
        for old in np.unique(previous[previous >= 0]):
            shared = int(((labels == new) & (previous == old)).sum())
            if shared:
                overlaps.append((-shared, int(new), int(old)))
    taken: set[int] = set()
    for _, new, old in sorted(overlaps):
        if new not in mapping and old not in taken:
            mapping[new] = old
            taken.add(old)
    fresh = max([*taken, *previous.tolist(), -1]) + 1
    # Unmatched groups in a fixed order: the largest first, then by their first member.
    rest = [int(g) for g in np.unique(labels) if int(g) not in mapping]
    rest.sort(key=lambda g: (-int((labels == g).sum()), int(np.argmax(labels == g))))
    for new in rest:
        mapping[new] = fresh
        fresh += 1
    return mapping

"""The "election fingerprint": a two-dimensional histogram of turnout against the winner's
share, each station weighted by its voters (Klimek et al. 2012; Kobak et al. 2016). A clean
election is one blurred cloud; ballot stuffing draws a smear towards the top right corner and
dots on whole percentages. Also the turnout and share distributions per region."""

import io

import numpy as np
from PIL import Image

PERCENT_BINS = 101  # one bin per whole percent, whole percents at the bins' centres
# White through blue to near-black: more voters, darker.
PALETTE = np.array(
    [[255, 255, 255], [198, 219, 239], [107, 174, 214], [33, 113, 181], [8, 48, 107],
     [10, 10, 30]], dtype=float,
)  # fmt: skip
GRID = np.array([225, 225, 225], dtype=np.uint8)


def fingerprint_histogram(turnout: np.ndarray, share: np.ndarray, weights: np.ndarray):
    """Voters per (turnout %, share %) cell; rows are share, columns turnout."""
    known = ~(np.isnan(turnout) | np.isnan(share) | np.isnan(weights))
    edges = np.linspace(-0.005, 1.005, PERCENT_BINS + 1)
    histogram, _x, _y = np.histogram2d(
        share[known], turnout[known], bins=[edges, edges], weights=weights[known]
    )
    return histogram


def _colour(values: np.ndarray) -> np.ndarray:
    """Log-scaled so that a few huge stations do not hide everything else."""
    scaled = np.log1p(values)
    if scaled.max() > 0:
        scaled = scaled / scaled.max()
    position = scaled * (len(PALETTE) - 1)
    low = np.floor(position).astype(int).clip(0, len(PALETTE) - 2)
    fraction = (position - low)[..., None]
    return (PALETTE[low] * (1 - fraction) + PALETTE[low + 1] * fraction).astype(np.uint8)


def fingerprint_png(turnout, share, weights, scale: int = 4) -> bytes:
    """The fingerprint as a PNG: turnout 0–100 % left to right, share 0–100 % bottom to top,
    a light grid every 10 %."""
    histogram = fingerprint_histogram(turnout, share, weights)
    pixels = _colour(histogram)
    empty = histogram == 0
    for tick in range(0, PERCENT_BINS, 10):
        pixels[tick, :][empty[tick, :]] = GRID
        pixels[:, tick][empty[:, tick]] = GRID
    pixels = np.flipud(pixels)  # share grows upwards
    pixels = np.repeat(np.repeat(pixels, scale, axis=0), scale, axis=1)
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def distribution(values: np.ndarray, bins: int = 20) -> list[int]:
    """Stations per band of width 100/bins percent (the last band includes 100 %)."""
    known = values[~np.isnan(values)]
    counts, _edges = np.histogram(np.clip(known, 0, 1), bins=bins, range=(0.0, 1.0))
    return counts.astype(int).tolist()


def distributions_by_region(turnout, share, regions) -> list[dict]:
    """Per region: stations, median turnout and share, the share of stations at 90 %+ turnout
    (where stuffing shows), and both distributions in 5 % bands."""
    rows = []
    for region in sorted(set(regions)):
        mask = regions == region
        t, s = turnout[mask], share[mask]
        known_t, known_s = t[~np.isnan(t)], s[~np.isnan(s)]
        rows.append({
            "region": region,
            "stations": int(mask.sum()),
            "median_turnout": float(np.median(known_t)) if len(known_t) else None,
            "median_share": float(np.median(known_s)) if len(known_s) else None,
            "high_turnout": float(np.mean(known_t >= 0.9)) if len(known_t) else None,
            "turnout_bands": distribution(t),
            "share_bands": distribution(s),
        })  # fmt: skip
    return rows

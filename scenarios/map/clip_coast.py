"""One-off: clip the water of the Constantinople environs out of the npm package @geo-maps/earth-seas-10m.

Usage: npm install @geo-maps/earth-seas-10m (in a scratch folder), then
    python3 clip_coast.py path/to/map.geo.json > water.geojson

The package's data is derived from OpenStreetMap and licensed under the ODbL 1.0
(https://opendatacommons.org/licenses/odbl/1.0/): "Map data (c) OpenStreetMap contributors".
The shoreline is the modern one (with modern land fill); see README.md here for what that means for 626.
"""

import json
import sys

# west, south, east, north: Hebdomon to Chelae, the Marmara shore to the Bosporus above Bebek.
BOX = (28.84, 40.955, 29.09, 41.095)


def clip(ring, box):
    """Sutherland-Hodgman against each side of the box (the box is convex, the ring need not be)."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda a, b: cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: cross_y(a, b, north)),
    ]
    out = ring
    for inside, cross in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
    return out


def cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return [x, a[1] + t * (b[1] - a[1])]


def cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return [a[0] + t * (b[0] - a[0]), y]


def rounded(ring):
    out = []
    for x, y in ring:
        p = [round(x, 5), round(y, 5)]
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def main(path):
    data = json.load(open(path, encoding="utf-8"))
    geometries = data["geometries"] if "geometries" in data else [f["geometry"] for f in data["features"]]
    polygons = []
    for g in geometries:
        for poly in g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]:
            rings = [rounded(clip(r, BOX)) for r in poly]
            if len(rings[0]) < 4:
                continue
            polygons.append([rings[0]] + [r for r in rings[1:] if len(r) >= 4])
    feature = {
        "type": "Feature",
        "properties": {
            "id": "water",
            "name": "Sea of Marmara, Bosporus and Golden Horn (modern shoreline)",
            "kind": "water",
            "source": "OpenStreetMap contributors, via the npm package @geo-maps/earth-seas-10m 0.6.0 (ODbL 1.0), clipped by clip_coast.py",
        },
        "geometry": {"type": "MultiPolygon", "coordinates": polygons},
    }
    json.dump({"type": "FeatureCollection", "features": [feature]}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])

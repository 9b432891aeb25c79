"""Regenerate sample_site/outlets/ and sample_site/manifest.json from the content files."""
from __future__ import annotations

import argparse
from pathlib import Path

from sample_site.generator.build import DEFAULT_SEED, PACKAGE, write


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m sample_site.generator", description=__doc__)
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED,
                        help="the seed article text (default: ../shared/data/seed-article.txt)")
    parser.add_argument("--out", type=Path, default=PACKAGE / "outlets")
    parser.add_argument("--manifest", type=Path, default=PACKAGE / "manifest.json")
    args = parser.parse_args()
    manifest = write(args.out, args.manifest, args.seed)
    for name, outlet in manifest["outlets"].items():
        kinds = [entry["kind"] for entry in outlet["pages"].values()]
        print(f"{name}: {kinds.count('article')} articles, {len(kinds)} paths")


if __name__ == "__main__":
    main()

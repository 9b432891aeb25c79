"""Serve the sample news site in the foreground: `python -m sample_site [--host 127.0.0.1] [--port 8731]`."""
from __future__ import annotations

import argparse
import time

from sample_site.server import serve


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m sample_site", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0,
                        help="first of three ports (8731 is the demo's, which `newsdesk init` lists); default: free ones")
    parser.add_argument("--sources", action="store_true",
                        help="also print a sources.toml for the live ports")
    args = parser.parse_args()
    with serve(args.host, args.port) as site:
        for name, base in site.outlets.items():
            print(f"{name:8} {base}/")
        if args.sources:
            print("\n" + site.sources_toml())
        print("Serving the sample news site; press Ctrl+C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()

"""Runs moto's server with tenantform's emulator fixes applied.

Usage: python serve.py [moto_server arguments]. The fixes patch moto in this
process only, before the server answers its first request; moto itself is
never modified on disk. See README.md for the rules every fix follows.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fixes import apply_all  # noqa: E402


def main() -> None:
    applied = apply_all()
    print(f"tenantform emulator fixes: {', '.join(applied)}", file=sys.stderr, flush=True)
    from moto.server import main as moto_main

    moto_main(sys.argv[1:])


if __name__ == "__main__":
    main()

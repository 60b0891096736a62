"""Entry point: ``eduplan`` and ``python -m eduplan``."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line; ``--version`` answers before anything heavy is imported."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from eduplan import __version__

        sys.stdout.write(f"eduplan {__version__}\n")
        return
    from eduplan.cli.startup import quiet_start

    quiet_start()  # before the imports: no collector runs over them, no plugin search in pydantic
    from eduplan.cli.app import run

    run()


if __name__ == "__main__":
    main()

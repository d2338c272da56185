"""`python -m detector` is the `mtdetect` command."""

from .cli import main

raise SystemExit(main())

"""``python -m app``: the command line alone (the window: ``python -m ui``, or ``amicale``)."""

import sys

from app.cli import main

sys.exit(main())

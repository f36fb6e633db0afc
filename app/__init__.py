"""Amicale: the offline toolbox of an alumni association's community managers.

`app` holds everything that is not a widget: the store, the search language, the members'
services and the command line. It never imports QtWidgets or QtGui.
"""

import os

# SQLAlchemy 2.1's Cython row/result extensions crash (segmentation fault) when several
# threads run queries at once, as our workers do; the pure-Python code is thread-safe.
# Seen about one test run in two; never with this set. Must precede any sqlalchemy import.
os.environ.setdefault("DISABLE_SQLALCHEMY_CEXT_RUNTIME", "1")

__version__ = "0.1.0"
APP_NAME = "Amicale"
APP_ID = "amicale"

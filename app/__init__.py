"""Amicale: the offline toolbox of an alumni association's community managers.

`app` holds everything that is not a widget: the store, the search language, the members'
services and the command line. It never imports QtWidgets or QtGui.
"""

__version__ = "0.1.0"
APP_NAME = "Amicale"
APP_ID = "amicale"

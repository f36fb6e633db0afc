"""What the communities bring: the figures of the Dashboard panel and of the board report.

``figures`` computes them (plain dataclasses, one read transaction); ``xlsx`` writes them as a
workbook. The PDF needs Qt's painting classes and lives in ``ui/report_pdf.py``.
"""

from app.report.figures import Dashboard, Period, PeriodFigures, compute

__all__ = ["Dashboard", "Period", "PeriodFigures", "compute"]

"""The lines of the board report, in order: the key of a PeriodFigures field and its label.

The labels are English templates the window and the command line translate (context
``BoardReport``), as ``app.messages`` explains; the PDF, the XLSX and the panel's figures
all read this one list, so they always say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from app.messages import QT_TRANSLATE_NOOP
from app.report.figures import PeriodFigures

CONTEXT = "BoardReport"

ROWS: tuple[tuple[str, str], ...] = (
    ("members", QT_TRANSLATE_NOOP("BoardReport", "Members at the end of the period")),
    ("new_members", QT_TRANSLATE_NOOP("BoardReport", "New members")),
    ("lost_found_again", QT_TRANSLATE_NOOP("BoardReport", "Lost-touch members found again")),
    ("dues_paid", QT_TRANSLATE_NOOP("BoardReport", "Dues paid for the period's year")),
    (
        "paid_after_newsletter",
        QT_TRANSLATE_NOOP("BoardReport", "Payments recorded after a newsletter (associated)"),
    ),
    (
        "paid_after_community",
        QT_TRANSLATE_NOOP(
            "BoardReport", "Payments recorded after joining a community (associated)"
        ),
    ),
    ("posts_published", QT_TRANSLATE_NOOP("BoardReport", "Posts published")),
    ("moderation_received", QT_TRANSLATE_NOOP("BoardReport", "Moderation requests received")),
    ("moderation_approved", QT_TRANSLATE_NOOP("BoardReport", "Requests approved")),
    ("moderation_rejected", QT_TRANSLATE_NOOP("BoardReport", "Requests rejected")),
    (
        "median_decision_hours",
        QT_TRANSLATE_NOOP("BoardReport", "Median time to a decision (hours)"),
    ),
    ("moderation_spam", QT_TRANSLATE_NOOP("BoardReport", "Requests with spam or selling signals")),
    ("birthdays_wished", QT_TRANSLATE_NOOP("BoardReport", "Birthdays wished")),
    ("birthdays_due", QT_TRANSLATE_NOOP("BoardReport", "Birthdays in the period")),
    ("newsletters_sent", QT_TRANSLATE_NOOP("BoardReport", "Newsletters sent")),
    ("newsletter_recipients", QT_TRANSLATE_NOOP("BoardReport", "Newsletter recipients reached")),
    (
        "newsletter_failures",
        QT_TRANSLATE_NOOP("BoardReport", "Addresses refused by the mail server"),
    ),
)

# What the figures can and cannot say; printed under them in the PDF and the XLSX.
NOTES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "BoardReport",
        "Payments after a newsletter or a community are in date order only: they are "
        "associated with it, which does not show that one caused the other.",
    ),
    QT_TRANSLATE_NOOP(
        "BoardReport",
        "Members found again and payments count the changes recorded in Amicale since this "
        "version; the directory keeps only each member's last year paid.",
    ),
    QT_TRANSLATE_NOOP(
        "BoardReport",
        "Verified, email and consent figures describe the directory today.",
    ),
)


def rows(
    figures: PeriodFigures, translate: Callable[[str], str] = str
) -> list[tuple[str, str, int | float | None]]:
    """(key, label, value) for each line of the report."""
    return [(key, translate(label), getattr(figures, key)) for key, label in ROWS]

"""The window on a laptop's screen (issue 17, points 1 and 5): the member list's default
columns fit its width — no sideways scrolling, the email's header whole, the names always
shown — and the status bar is inside the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.column_fit import fit_widths
from ui.main_window import FRAME_ALLOWANCE, MainWindow, default_size
from ui.panels.members import DEFAULT_COLUMNS, NAME_COLUMN
from ui.settings import UiSettings

DESKTOP_PANEL = 32  # a desktop's own bar takes this much of the screen's height

SCREENS = [(1280, 800), (1366, 768)]


def fit_to_screen(win: MainWindow, width: int, height: int) -> QRect:
    """The window sized as the app sizes it on such a screen; the screen's free area."""
    available = QRect(0, 0, width, height - DESKTOP_PANEL)
    win.resize(default_size(available))
    QApplication.processEvents()
    return available


def shown_columns(win: MainWindow) -> list[str]:
    header = win.members.table.horizontalHeader()
    columns = win.members.model.columns
    return [
        columns[header.logicalIndex(v)]
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_the_default_columns_fit_the_member_list(
    main_window: MainWindow, width: int, height: int
) -> None:
    fit_to_screen(main_window, width, height)
    members = main_window.members
    table = members.table
    header = table.horizontalHeader()
    assert shown_columns(main_window) == list(DEFAULT_COLUMNS)
    assert not table.horizontalScrollBar().isVisible()
    assert header.length() <= table.viewport().width()
    # Every header's title is shown whole ("E-mail", not "E-").
    for key in DEFAULT_COLUMNS:
        section = members.model.columns.index(key)
        assert header.sectionSize(section) >= members.fitter.minimum(section), key
    # The names come first, in sight.
    assert shown_columns(main_window)[0] == NAME_COLUMN
    assert header.sectionViewportPosition(members.model.columns.index(NAME_COLUMN)) == 0


def test_the_window_on_a_1366_by_768_screen(main_window: MainWindow) -> None:
    available = fit_to_screen(main_window, 1366, 768)
    assert main_window.size() == default_size(available)  # not held taller by its minimum
    bar = main_window.statusBar()
    assert bar.isVisible()
    # The frame's title bar sits above the window's own area, within FRAME_ALLOWANCE.
    bottom = bar.mapTo(main_window, QPoint(0, bar.height())).y()
    assert bottom + FRAME_ALLOWANCE.height() <= available.height()
    assert main_window.width() + FRAME_ALLOWANCE.width() <= available.width()
    assert not main_window.members.table.horizontalScrollBar().isVisible()


def test_the_columns_follow_the_list_until_one_is_resized_by_hand(
    main_window: MainWindow,
) -> None:
    members = main_window.members
    table = members.table
    header = table.horizontalHeader()
    fit_to_screen(main_window, 1366, 768)
    wide = header.length()
    main_window.resize(main_window.width() - 120, main_window.height())
    QApplication.processEvents()
    assert header.length() == table.viewport().width() < wide
    # A drag on a column's edge: the CM's widths from then on, and remembered.
    email = members.model.columns.index("email")
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    members.fitter.eventFilter(header.viewport(), press)
    header.resizeSection(email, header.sectionSize(email) + 200)
    assert not members.fitter.fitting
    assert UiSettings().fit_columns is False
    QApplication.processEvents()
    assert header.length() > table.viewport().width()  # wider than the list: it scrolls
    # The header's menu puts fitting back.
    members.fitter.set_fitting(True)
    QApplication.processEvents()
    assert header.length() == table.viewport().width()


def test_the_names_column_cannot_be_hidden(main_window: MainWindow) -> None:
    members = main_window.members
    header = members.table.horizontalHeader()
    name = members.model.columns.index(NAME_COLUMN)
    members._show_column(name, False)
    assert not header.isSectionHidden(name)


def test_columns_shown_from_the_menu_share_the_width(main_window: MainWindow) -> None:
    members = main_window.members
    fit_to_screen(main_window, 1366, 768)
    members._show_column(members.model.columns.index("company"), True)
    header = members.table.horizontalHeader()
    assert "company" in shown_columns(main_window)
    assert header.length() == members.table.viewport().width()


def test_fit_widths_shares_and_shrinks() -> None:
    # Room to spare: the preferred widths grow in proportion, fixed ones keep their minimum.
    assert fit_widths([50, 40], [100, 0], 200) == [160, 40]
    # Short of room: each gives in proportion to what it can give.
    assert fit_widths([50, 50], [150, 100], 200) == [116, 84]
    # Too little room even for the minimums: the minimums (the list scrolls).
    assert fit_widths([80, 80], [100, 100], 100) == [80, 80]
    assert sum(fit_widths([30, 44, 51], [120, 90, 260], 377)) == 377


def test_a_long_history_detail_wraps_instead_of_being_cut(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    from app import tag_rules

    cities = tuple(
        [
            "Lyon",
            "Villeurbanne",
            "Grenoble",
            "Saint-Étienne",
            "Bourg-en-Bresse",
            "Annecy",
            "Chambéry",
            "Valence",
            "Clermont-Ferrand",
            "Roanne",
            "Vienne",
            "Annemasse",
        ]
    )
    tag_rules.save(main_window.store, tag_rules.Rule(None, "city", None, cities=cities), "G/RA")
    fit_to_screen(main_window, 1366, 768)
    history = main_window.history
    with qtbot.waitSignal(history.loader.finished, timeout=5000):
        main_window.show_panel(history)
    QApplication.processEvents()
    table = history.table
    detail = table.model().index(0, 3)
    width = table.fontMetrics().horizontalAdvance(detail.data())
    assert width > table.columnWidth(3)  # longer than its column: it needs a second line
    assert table.rowHeight(0) >= 2 * table.fontMetrics().height()


def test_the_tag_dock_keeps_the_counts_in_sight(main_window: MainWindow) -> None:
    dock = main_window.tag_dock.widget()
    assert dock.textElideMode() == Qt.TextElideMode.ElideMiddle


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_moderation_queue_fits_a_laptop(
    main_window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    from app.moderation.intake import NewItem, add_items

    add_items(
        main_window.store,
        [
            NewItem("join", "Jeanne Sans-Message", community="Amicale Lyon"),
            NewItem("post", "Marc Vendeur", community="Groupe LinkedIn",
                    text="Formation certifiante, inscrivez-vous vite !"),
        ],
    )  # fmt: skip
    main_window.moderation.reload()
    fit_to_screen(main_window, *size)
    panel = main_window.moderation
    main_window.show_panel(panel)
    qtbot.waitUntil(lambda: panel.table.model().rowCount() >= 2, timeout=10000)
    QApplication.processEvents()
    header = panel.table.horizontalHeader()
    assert header.length() <= panel.table.viewport().width()  # no sideways scroll
    for row in range(panel.table.model().rowCount()):
        panel.table.selectRow(row)
        QApplication.processEvents()
        item = panel.current_item()
        assert item is not None
        # No empty box for a request without a message; the reply read from its start.
        view = panel.controller.item_view(item)
        assert panel.detail_text.isVisibleTo(panel) == bool(view.text.strip())
        line = panel.reason_combo.lineEdit()
        assert line is not None and line.cursorPosition() == 0

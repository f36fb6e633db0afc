import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
from app.store import open_store
from ui.panels.moderation import ModerationPanel
from ui.workers import Job
app = QApplication(sys.argv)
store = open_store(Path("/tmp/t1.sqlite3"))
p = ModerationPanel(store)
p.resize(1300, 760)
p.show()
def done():
    p.select_next(); p.select_next()
    app.processEvents()
    p.grab().save("/tmp/mod_shot.png")
    app.quit()
p.loaded.connect(lambda: QTimer.singleShot(100, done))
app.exec()
Job.wait_all(); store.close()

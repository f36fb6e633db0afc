"""Make a store as an older Amicale left it, for the frozen upgrade check of packaging/smoke.

    .venv/bin/python packaging/old_store.py DB [REVISION]     (REVISION: 0001 by default)

Creates DB with the current code, adds MEMBERS members, then downgrades its schema to
REVISION with the migrations' own downgrade steps (as tests/test_store.py does). Prints
"MEMBERS REVISION HEAD" on one line: what the frozen program must find after upgrading it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MEMBERS = 25


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    from app.members.service import MemberDirectory
    from app.store import migrations, open_store
    from app.store.schema import SCHEMA_HEAD

    db = Path(argv[0])
    revision = argv[1] if len(argv) > 1 else "0001"
    if db.exists():
        print(f"old_store: {db} exists already", file=sys.stderr)
        return 1
    store = open_store(db)
    try:
        directory = MemberDirectory(store)
        for i in range(MEMBERS):
            directory.create({"first_name": f"Membre{i}", "email": f"m{i}@example.org"})
        migrations.downgrade(store.engine, revision)
    finally:
        store.close()
    print(MEMBERS, revision, SCHEMA_HEAD)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

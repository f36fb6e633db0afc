"""Every change to the store as an operation returning what it changed (see `core`).

Importing this package registers every operation; `run(store, Operation(name, args))`.
"""

from app.operations import (  # noqa: F401 (they register their operations)
    calendar,
    members,
    moderation,
    privacy,
    settings,
    tags,
)
from app.operations.core import (
    NOTHING,
    Changes,
    Operation,
    Outcome,
    names,
    run,
    spec,
)

__all__ = ["NOTHING", "Changes", "Operation", "Outcome", "names", "run", "spec"]

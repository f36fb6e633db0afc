"""The panels' controllers: each holds a panel's state and logic and talks to ``app/`` (query
services, the operation runner); its widget in ``ui/panels/`` only lays out and forwards.
They import no QtWidgets, so their tests create no widget (Picard's pattern)."""

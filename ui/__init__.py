"""The window: main window, panels, Qt models, dialogs, workers. Never writes SQL."""

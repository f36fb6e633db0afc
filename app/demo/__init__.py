"""Demo data, all invented: the directory (members), its editorial calendar (posts) and its
moderation queue, with the names they share. ``build_demo`` makes a whole demo store."""

from app.demo.members import DemoReport, build_demo

__all__ = ["DemoReport", "build_demo"]

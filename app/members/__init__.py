"""Members: the directory's services, the search language, validation."""

"""The editorial calendar: posts, channels and their publishing connectors."""

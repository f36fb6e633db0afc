"""The association's privacy duties: consent per purpose, retention, rights, the register."""

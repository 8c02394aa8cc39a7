"""Writes of the minutes, one module per action: import from the submodule (minutes.services.compile)."""

"""Records for the registry: a consultation's registry number and its archive export (ZIP with manifest)."""

"""Demo facts and texts as plain data, one module per subject; no database access here."""

"""Minutes (minnesanteckningar) of a held consultation: compiled, approved, published, followed up."""

from .duplicate import consultation_duplicate, next_year_date

__all__ = ["consultation_duplicate", "next_year_date"]

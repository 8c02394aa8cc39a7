"""Who is (not) at the table: invited, answered and attended by county and organisation kind, for staff."""

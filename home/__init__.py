"""The site's front page and plain content pages (about, accessibility statement)."""

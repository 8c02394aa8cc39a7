"""The files of the archive, each made from what the selectors read; bytes in UTF-8."""

"""Bringing a ministry's spreadsheet of organisations into the register, and taking the register out again.

Staff upload a CSV or XLSX file, map its columns to the register's fields (remembered for next time), see a
preview of every row (create, update or skip, with each cell's error and the likely duplicates), and confirm
once; the whole import then succeeds or fails in one transaction and leaves a downloadable report. The
register is exported as CSV (through sakrad.spreadsheet) or XLSX, filtered like the admin's list.
Reading spreadsheets is openpyxl's and the csv module's; the import flow is django-import-export's.
"""

"""Exports: JSON records, tables, REFI-QDA."""

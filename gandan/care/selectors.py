"""Reads for the members-in-charge workspace: cells, members and households."""

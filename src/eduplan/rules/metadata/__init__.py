"""Ownership and metadata (MD): owners, ids, numbering and period are complete and consistent."""

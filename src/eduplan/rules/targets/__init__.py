"""Targets (TG): the yearly targets of each indicator are possible, complete and consistent."""

"""Checking loaded plans: the rules pipeline, acceptances, configuration, many plans in parallel."""

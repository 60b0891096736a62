"""Budgets (BG): the amounts of an action plan add up, from quarters to projects to the total."""

"""References (RF): every id a plan item refers to names an item of the plan."""

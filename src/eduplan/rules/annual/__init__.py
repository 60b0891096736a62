"""The annual cycle (AN): action plans cover every policy, reports give sound actuals once per year."""

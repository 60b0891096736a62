"""Units and kinds (UN): every indicator says what its numbers count, consistently."""

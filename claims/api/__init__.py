"""The JSON face of the review workspace: /api/v1/claims/ and what hangs off a claim."""

"""The review workspace in the browser: desk, queue, claim and article pages, CSV export."""

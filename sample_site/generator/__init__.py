"""Generator of the sample news site (development tool; its output is committed)."""

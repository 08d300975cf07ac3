"""HTTP layer: reads rows and renders JSON."""

"""All SQL the API runs, one module per resource; routes never build queries."""

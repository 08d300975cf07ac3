"""OpenAPI: the responses routes declare (`responses`) and the document (`document`)."""

"""Response models, one module per resource; their names are the OpenAPI schema names."""

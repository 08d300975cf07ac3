"""Dependencies the routes declare: parameters, paging, keys and write limits."""

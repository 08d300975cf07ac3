"""Stage 2, recognising names: tokens, capitalised runs, and the actors they name."""

"""Stage 1, reading the document: normalised source, sections, blocks and sentences."""

"""Stage 0, the vocabulary: the word lists in `app/parsing/data/`, loaded once."""

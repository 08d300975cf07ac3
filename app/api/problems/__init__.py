"""Errors as RFC 9457 problems: the one shape (`model`) and its renderers (`handlers`)."""

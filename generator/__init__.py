"""conventio: the INAMI conventions on psychological care as versioned data."""

__version__ = "0.1.0"

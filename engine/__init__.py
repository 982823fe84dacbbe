"""ipcheck's engine: load → measure → decide → score. No I/O, no printing."""

__version__ = "0.1.0"

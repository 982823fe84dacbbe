"""ipcheck's engine: load → measure → decide → score. No I/O, no printing."""

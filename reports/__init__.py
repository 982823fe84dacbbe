"""ipcheck's renderers: the engine's results as terminal text, Markdown, JSON, HTML, PDF and Word."""

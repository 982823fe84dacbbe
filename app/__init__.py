"""What each command does, as library functions: read the files, run the engine, make the outputs.

The engine (`ipcheck.engine`) reads and writes nothing; the renderers (`ipcheck.reports`)
only format; the click commands (`ipcheck.cli`) only parse options and hand an `Outcome`
to the writer. Everything between lives here.
"""

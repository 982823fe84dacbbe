"""Reading a city's own plan document: text in, targets and mechanisms out (no I/O).

`model.py` holds what a reading is; the reader itself turns plain text (already decoded,
simplified characters) into a `PlanReading`. The app layer reads the files (.txt, .html,
.docx, .pdf) and writes the framework; nothing here touches a file.
"""

from .model import Document, Mechanism, PlanReading, Target

try:
    from .reader import read_plan
except ModuleNotFoundError as _missing:  # the reader is built on its own branch: until both are merged, say so
    if _missing.name != f"{__name__}.reader":
        raise

    def __getattr__(name: str):
        """`read_plan` without the reader: an AttributeError that says so (an ImportError to `from … import`)."""
        if name == "read_plan":
            raise AttributeError("this ipcheck has no plan reader (ipcheck/engine/planread/reader.py is missing)",
                                 name=name, obj=None)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["Document", "Mechanism", "PlanReading", "Target", "read_plan"]

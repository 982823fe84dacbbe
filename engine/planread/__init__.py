"""Reading a city's own plan document: text in, targets and mechanisms out (no I/O).

`model.py` holds what a reading is; `read_plan` (reader.py) turns plain text (already decoded,
simplified characters) into a `PlanReading`. The app layer reads the files (.txt, .html,
.docx, .pdf) and writes the framework; nothing here touches a file.
"""

from .model import Document, Mechanism, PlanReading, Target
from .reader import read_plan
from .targets import REVIEW_CODES

__all__ = ["REVIEW_CODES", "Document", "Mechanism", "PlanReading", "Target", "read_plan"]

"""What the paragraph reader's parts share: what a reporting verb resolved to, and the relative
pronouns that open a clause describing a noun (الاقتراح الذي دعا إلى...)."""
from dataclasses import dataclass

from .subjects import Subject

RELATIVES = {"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "ما", "مما", "عما"}


@dataclass
class Said:
    """What a reporting verb resolved to."""
    source_id: str | None
    subject: Subject | None
    how: str
    via_id: str | None = None

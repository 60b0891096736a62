"""The words of a performance report (รายงานผลการดำเนินงาน): what was done, what stood in the way, what next.

Beside its figures (actuals, project results), an office's report says in words, for the whole
year, for each policy and for each project: the results (ผลการดำเนินงาน), the problems and
obstacles (ปัญหาอุปสรรค), the suggestions (ข้อเสนอแนะ) and the notable results or good practice
(ผลงานที่โดดเด่น / best practice). Each is a list of paragraphs or points, exactly as published.
"""

from __future__ import annotations

from eduplan.model.common import Id, Model, Text

__all__ = ["NARRATIVE_FIELDS", "Narrative", "PolicyNarrative"]

NARRATIVE_FIELDS = ("results", "problems", "suggestions", "highlights")
"""The narrative's parts, in the order a report prints them."""


class Narrative(Model):
    """Results, problems and obstacles, suggestions and notable practice, each a list of paragraphs."""

    results: list[Text] = []
    """What was done and achieved, in words (ผลการดำเนินงาน)."""
    problems: list[Text] = []
    """Problems and obstacles met (ปัญหาอุปสรรค)."""
    suggestions: list[Text] = []
    """Suggestions for the next year (ข้อเสนอแนะ)."""
    highlights: list[Text] = []
    """Notable results and good practice (ผลงานที่โดดเด่น / best practice)."""

    @property
    def told(self) -> bool:
        """Whether any part of the narrative is given."""
        return any(getattr(self, name) for name in NARRATIVE_FIELDS)


class _OfPolicy(Model):
    policy: Id
    """Id of the policy (นโยบาย / กลยุทธ์) of the plan, of any level."""


class PolicyNarrative(Narrative, _OfPolicy):
    """The narrative of one policy in a report (its id first, then the narrative's parts)."""

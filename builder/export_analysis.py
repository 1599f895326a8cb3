"""`python -m builder export analysis`: the analysis as JSON, for other tools and for checking the builder's
reasoning: for each event that two or more sources report, its accounts (with their date windows and why),
every pair compared (compatible or not, the reasons, whether the editor decided), the candidate meetings with the
equally small alternatives, and each describing topic's status among the accounts of each candidate meeting."""

from __future__ import annotations

import json
from typing import Any

from builder.analyse import Analysis, TopicFinding
from builder.meetings import Grouping
from builder.validate import Corpus

__all__ = ["ANALYSIS_FORMAT", "export_analysis"]

ANALYSIS_FORMAT = "storyguide-analysis"
ANALYSIS_VERSION = 1


def export_analysis(corpus: Corpus, analysis: Analysis) -> bytes:
    """The analysis as UTF-8 JSON, keys in a fixed order, the same bytes for the same content."""
    data = {
        "format": ANALYSIS_FORMAT,
        "version": ANALYSIS_VERSION,
        "events": [_event(corpus, analysis, grouping) for grouping in analysis.meetings],
        "topics": [{"topic": f.topic.id, "status": f.status} for f in analysis.findings],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _event(corpus: Corpus, analysis: Analysis, grouping: Grouping) -> dict[str, Any]:
    ids = [account.article_id for account in grouping.accounts]
    describing = [analysis.finding(t.id) for t in corpus.topics if t.describes == grouping.event_id]

    def status(finding: TopicFinding, number: int) -> str:
        """The topic's status among the accounts of meeting `number` (the findings' own, when one meeting)."""
        return next((m.status for m in finding.meetings if m.number == number), finding.status)

    def meeting(number: int, group: tuple[int, ...]) -> dict[str, Any]:
        statuses = {f.topic.id: status(f, number) for f in describing}
        return {"accounts": [ids[i] for i in group], "statuses": statuses}

    return {
        "event": grouping.event_id,
        "exact": grouping.exact,  # False: the number of meetings is an upper bound ("at most")
        "accounts": [
            {
                "article": account.article_id,
                "window": list(account.window) if account.window else None,
                "implied_by": [
                    {"actor": d.actor, "office": d.office, "term": d.term, "reference": d.reference}
                    for d in account.implied_by
                ],
                "planned": account.report.planned,
            }
            for account in grouping.accounts
        ],
        "pairs": [
            {
                "articles": [p.first, p.second],
                "compatible": p.compatible,
                "reasons": list(p.reasons),
                "editor": p.editor,
            }
            for p in grouping.pairs
        ],
        "meetings": [meeting(n, group) for n, group in enumerate(grouping.groups, start=1)],
        "alternatives": [[[ids[i] for i in group] for group in alternative] for alternative in grouping.alternatives],
    }

"""A toy plugin that adds an output format: ``txt``, the plain text of a draft.

Registered in tests/test_writers.py through a throwaway entry point, as a
third party's plugin would be; it uses only what such a plugin can.
"""

from __future__ import annotations

import hrdraft
from hrdraft import WriteContext, Writer


def plain_text(report: hrdraft.Report, context: WriteContext) -> str:
    lines = [report.title, f"DRAFT, audience: {report.audience}", ""]
    for section in report.walk():
        lines += [section.heading, ""]
        for block in section.blocks:
            if isinstance(block, hrdraft.BulletList):
                lines += [f"- {item}" for item in block.items]
            elif isinstance(block, hrdraft.Table):
                lines += [block.caption, *(" | ".join(row) for row in block.rows)]
            else:
                lines.append(block.text)
            lines.append("")
    return "\n".join(lines)


@hrdraft.hookimpl
def hrdraft_register_writers() -> list[Writer]:
    return [
        Writer(
            name="txt",
            kind="draft",
            suffix=".txt",
            media_type="text/plain",
            description="the draft as plain text, one paragraph a line",
            write=plain_text,
        )
    ]

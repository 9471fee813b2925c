#!/usr/bin/env python3
"""Writes a text document as a Word file (.docx), as Word would hold it: a paragraph per line,
and the numbered items' labels (`1.`, `a)`, `Điều 3.`) moved out of the text into Word's
automatic numbering (`w:numPr` and `word/numbering.xml`), so a reader that ignores the
numbering loses them. Standard library only (zipfile).

    python3 scripts/formats/to_docx.py doc.md > doc.docx
    python3 ../shared/tools/score.py \\
      --cmd 'python3 scripts/formats/to_docx.py {} | target/release/vanban parse --json -'

A run of labels counts on by one (`1.`, `2.`, `3.`) in one list; a label `1.` (or `a)`)
starts a new list (Word's restart); a label that does not follow on stays in the text.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""

# Abstract lists: (pattern of the label, numFmt, lvlText).
STYLES = [
    (re.compile(r"^(\d{1,3})\.\s+(?=\S)"), "decimal", "%1."),
    (re.compile(r"^([a-zđ])\)\s+(?=\S)"), "lowerLetter", "%1)"),
    (re.compile(r"^Điều (\d{1,3})\.\s+(?=\S)"), "decimal", "Điều %1."),
]


def value(style: int, label: str) -> int:
    return ord(label) - ord("a") + 1 if STYLES[style][1] == "lowerLetter" else int(label)


def convert(text: str) -> bytes:
    paras = []
    nums = []  # numId - 1 -> abstract style
    current = {}  # style -> (numId, last value)
    for line in text.splitlines():
        line = line.replace("**", "").rstrip()
        if not line.strip():
            continue
        num = None
        for s, (pat, _fmt, _txt) in enumerate(STYLES):
            m = pat.match(line)
            if not m or (s == 1 and m.group(1) == "đ"):
                continue
            v = value(s, m.group(1))
            if v == 1:
                nums.append(s)
                current[s] = (len(nums), 1)
            elif s in current and current[s][1] + 1 == v:
                current[s] = (current[s][0], v)
            else:
                break
            num = current[s][0]
            line = line[m.end():]
            break
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
        paras.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>')
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
        + "".join(paras)
        + "</w:body></w:document>"
    )
    abstracts = "".join(
        f'<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{escape(txt)}"/></w:lvl></w:abstractNum>'
        for i, (_p, fmt, txt) in enumerate(STYLES)
    )
    instances = "".join(
        f'<w:num w:numId="{n + 1}"><w:abstractNumId w:val="{s}"/></w:num>' for n, s in enumerate(nums)
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
        + abstracts
        + instances
        + "</w:numbering>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
    return out.getvalue()


def main() -> int:
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        text = f.read()
    sys.stdout.buffer.write(convert(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())

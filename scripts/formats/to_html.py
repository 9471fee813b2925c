#!/usr/bin/env python3
"""Writes a text or Markdown document as a web page would carry it, to standard output.

Each line becomes a `<p>` (`--lines`, the default), or each paragraph a `<p>` whose lines are apart by
`<br>` (`--paragraphs`); Markdown's `**bold**` and `*italic*` become `<b>` and `<i>`, table pipes
become cells), characters that HTML escapes are escaped and some Vietnamese letters written as
entities, inside a page with a head, a script, a navigation bar and a footer. Used to score the
HTML reader against the gold of the text (`score.py --cmd 'python3 scripts/formats/to_html.py {} |
vanban parse --json --input-format html -'`): the page must read as its text does.

Standard library only.
"""
import html
import re
import sys

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Văn bản</title>
<style>p {{ margin: 0 }}</style><script>var s = "<p>x</p>"; if (a < b) {{ go(); }}</script>
</head><body>
<nav><a href="/">Trang chủ</a> | <a href="/vb">Văn bản</a></nav>
<div id="content">
{body}
</div>
<footer><p>Bản quyền thuộc về cổng thông tin</p></footer>
</body></html>
"""


def inline(line: str) -> str:
    s = html.escape(line, quote=False)
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", s)
    # Some pages write letters as entities.
    return s.replace("Đ", "&#272;").replace("à", "&agrave;").replace("\u00a0", "&nbsp;")


def main() -> None:
    style = "lines"
    args = sys.argv[1:]
    if args and args[0] in ("--lines", "--paragraphs"):
        style = args.pop(0)[2:]
    with open(args[0], encoding="utf-8") as f:
        lines = f.read().splitlines()
    out = []
    if style == "paragraphs":
        # A `<p>` per paragraph (lines apart by blank lines), its lines apart by `<br>`.
        para: list[str] = []
        for line in lines + [""]:
            if line.strip():
                para.append(inline(line))
            elif para:
                out.append("<p>" + "<br>\n".join(para) + "</p>")
                para = []
        sys.stdout.write(PAGE.format(body="\n".join(out)))
        return
    for line in lines:
        if line.strip().startswith("|") and line.strip().endswith("|") and line.count("|") >= 2:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.append("<table><tr>" + "".join(f"<td>{inline(c)}</td>" for c in cells) + "</tr></table>")
        elif line.strip():
            out.append(f"<p>{inline(line)}</p>")
    sys.stdout.write(PAGE.format(body="\n".join(out)))


if __name__ == "__main__":
    main()

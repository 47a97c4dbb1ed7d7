"""Keep resources/translations/app_zh_TW.ts in step with the source, and compile the .qm.

Qt's own tools do the work: ``pyside6-lupdate`` finds every string marked for translation in
the .py files under gui/ and core/ (``self.tr("...")``, ``QCoreApplication.translate("Context",
"...")`` and ``QT_TRANSLATE_NOOP("Context", "...")``, all with literal texts), and
``pyside6-lrelease`` compiles the .qm. ``python resources/translations/catalogue.py`` (or
:func:`update`) adds new strings to the .ts as unfinished, drops vanished ones and compiles;
:func:`read_ts` and :func:`write_ts` read and write translations as a dict. The .ts is written
sorted and without source locations, so that strings added on different branches merge.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "app_zh_TW.ts"
QM = TS.with_suffix(".qm")


def sources() -> list[Path]:
    """The files whose strings the interface can show: every .py under gui/ and core/."""
    return sorted((ROOT / "gui").rglob("*.py")) + sorted((ROOT / "core").rglob("*.py"))


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).parent / name)


def extract() -> set[tuple[str, str]]:
    """Every (context, source text) the interface can show, as ``pyside6-lupdate`` finds it."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in sources()) + "\n", encoding="utf-8")
        out = Path(tmp) / "found.ts"
        args = [_tool("pyside6-lupdate"), f"@{listing}", "-locations", "none", "-ts", str(out)]
        subprocess.run(args, check=True, capture_output=True)
        return set(read_ts(out))


def read_ts(path: Path = TS) -> dict[tuple[str, str], tuple[str, bool]]:
    """``{(context, source): (translation, finished)}`` of a .ts file (obsolete ones skipped)."""
    out = {}
    if not path.exists():
        return out
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            out[(name, msg.findtext("source") or "")] = (
                (tr.text or "") if tr is not None else "",
                kind == "" and bool(tr is not None and tr.text),
            )
    return out


def write_ts(messages: dict[tuple[str, str], tuple[str, bool]], path: Path = TS) -> None:
    root = ET.Element("TS", version="2.1", language="zh_TW", sourcelanguage="en")
    by_ctx: dict[str, list] = {}
    for (ctx, src), value in sorted(messages.items()):
        by_ctx.setdefault(ctx, []).append((src, value))
    for ctx, items in by_ctx.items():
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src, (text, finished) in items:
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = src
            t = ET.SubElement(m, "translation")
            t.text = text
            if not finished:
                t.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")


def lrelease() -> Path:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    return QM


def update() -> list[tuple[str, str]]:
    """Merge the source's strings into the .ts; returns the ones still untranslated."""
    old = read_ts()
    new = {key: old.get(key, ("", False)) for key in extract()}
    write_ts(new)
    lrelease()
    return sorted(key for key, (_, done) in new.items() if not done)


if __name__ == "__main__":
    missing = update()
    for ctx, src in missing:
        print(f"untranslated: [{ctx}] {src!r}")
    sys.exit(1 if missing else 0)

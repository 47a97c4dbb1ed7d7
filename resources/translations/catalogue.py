"""Keep resources/translations/app_zh_TW.ts in step with the source, and compile the .qm.

``python resources/translations/catalogue.py`` finds every translatable string (``self.tr("...")``,
``QCoreApplication.translate("Context", "...")``, module helpers ``tr``/``_tr`` that wrap
``translate`` with a fixed context, and the prose catalogue of the worked solution), adds new
ones to the .ts as unfinished, marks vanished ones obsolete, and runs ``pyside6-lrelease``.
:func:`extract` is what the completeness test uses. pyside6-lupdate is not used: it cannot see
the context of the module-level helpers this app uses.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "app_zh_TW.ts"
QM = TS.with_suffix(".qm")


#: ``name.tr(...)`` outside a method: the class ``name`` is, whose name Qt uses as the context.
OWNERS = {"window": "MainWindow", "panel": "QuizPanel", "session": "Session"}


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions ``def tr(text): return QCoreApplication.translate("Ctx", text)``."""
    out = {}
    for fn in tree.body:
        if isinstance(fn, ast.FunctionDef) and len(fn.body) == 1:
            ret = fn.body[0]
            if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Call):
                call = ret.value
                name = getattr(call.func, "attr", None)
                if name == "translate" and call.args and _literal(call.args[0]):
                    out[fn.name] = _literal(call.args[0])
    return out


def _file_messages(path: Path) -> set[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = _helpers(tree)
    found: set[tuple[str, str]] = set()

    def visit(node, cls: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call):
            f = node.func
            args = node.args
            if isinstance(f, ast.Attribute) and f.attr == "tr" and args:
                owner = f.value.id if isinstance(f.value, ast.Name) else None
                context = cls if owner == "self" else OWNERS.get(owner)
                if context and _literal(args[0]):
                    found.add((context, _literal(args[0])))
            elif isinstance(f, ast.Attribute) and f.attr == "translate" and len(args) >= 2:
                if _literal(args[0]) and _literal(args[1]):
                    found.add((_literal(args[0]), _literal(args[1])))
            elif isinstance(f, ast.Name) and f.id in helpers and args and _literal(args[0]):
                found.add((helpers[f.id], _literal(args[0])))
            elif isinstance(f, ast.Name) and f.id == "QT_TRANSLATE_NOOP" and len(args) == 2:
                text = args[1]
                if isinstance(text, ast.BinOp):  # implicit concatenation is one Constant
                    text = None
                if _literal(args[0]) and _literal(text):
                    found.add((_literal(args[0]), _literal(text)))
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    visit(tree, None)
    return found


def extract() -> set[tuple[str, str]]:
    """Every (context, source text) the interface can show."""
    found: set[tuple[str, str]] = set()
    for path in sorted((ROOT / "gui").rglob("*.py")) + sorted((ROOT / "core").rglob("*.py")):
        found |= _file_messages(path)
    sys.path.insert(0, str(ROOT))
    from core import solution

    found |= {("Solution", text) for text in solution.TEXTS.values()}
    return found


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
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    subprocess.run([exe, "-silent", str(TS), "-qm", str(QM)], check=True)
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

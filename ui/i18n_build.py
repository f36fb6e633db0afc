"""Refresh the translations from the sources, and compile them (``./dev tr``).

``python -m ui.i18n_build`` runs lupdate over ui/ into amicale_fr.ts (translations kept,
obsolete ones dropped), then lrelease into amicale_fr.qm; and the same for amicale_en.ts,
which holds only the plural forms ("%n member(s)" → "1 member", "2 members"): the English
sources are the interface's text otherwise. ``--check`` changes nothing: it exits 1 listing
each source text missing from a committed .ts, left unfinished, or whose placeholders
differ; a translate() context lupdate extracts nothing for; a stale .qm.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.resources import translations_dir

ROOT = Path(__file__).resolve().parent.parent
TS = translations_dir() / "amicale_fr.ts"
QM = TS.with_suffix(".qm")
# English: the plural forms only (lupdate -pluralonly).
TS_EN = translations_dir() / "amicale_en.ts"
QM_EN = TS_EN.with_suffix(".qm")
# app/ should hold no translatable text; a file of it is scanned only if it does.
_MARKS = re.compile(r"\btr\(|\bQT_TR\w*NOOP|\btranslate\(\s*[\"']")
_PLACEHOLDER = re.compile(r"%(?:\d+|n)")
_LOOKUP = re.compile(r"\btranslate\(\s*[\"'](\w+)[\"']")  # the context of a translate call

Key = tuple[str, str, str]  # context, source, disambiguation


def _tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (the venv), else the one on PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"i18n_build: {name} not found (is PySide6 installed in this venv?)")
    return found


def source_files() -> list[Path]:
    in_app = [p for p in (ROOT / "app").rglob("*.py") if _MARKS.search(p.read_text("utf-8"))]
    return [p.relative_to(ROOT) for p in sorted((ROOT / "ui").rglob("*.py")) + sorted(in_app)]


def lupdate(ts: Path, silent: bool = False, plural_only: bool = False) -> None:
    args = [_tool("pyside6-lupdate"), *map(str, source_files()), "-no-obsolete"]
    language = "en_GB" if plural_only else "fr_FR"
    args += ["-locations", "relative", "-target-language", language, "-ts", str(ts)]
    args += ["-pluralonly"] if plural_only else []
    subprocess.run(args + (["-silent"] if silent else []), cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path, silent: bool = False) -> None:
    args = [_tool("pyside6-lrelease"), "-nounfinished", str(ts), "-qm", str(qm)]
    subprocess.run(args + (["-silent"] if silent else []), cwd=ROOT, check=True)


def messages(ts: Path) -> dict[Key, list[str] | None]:
    """Every message of a .ts: its finished translation(s), or None when not translated."""
    out: dict[Key, list[str] | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                out[key] = None
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            out[key] = texts if all(t.strip() for t in texts) else None
    return out


# French capitals keep their accents ("À vérifier", "État"): a capital A alone before a word
# is the preposition à; a capitalised word is suspect when the translation writes it accented
# in lower case elsewhere ("étiquette") and never without the accent ("etiquette").
_LONE_A = re.compile(r"(?<![\w'’-])A (?=[a-zà-ÿ])")
_CAPITALISED = re.compile(r"(?<![\w'’-])([AEIOUC])([a-zà-ÿ]{2,})")
_ACCENTED = {"A": "àâ", "E": "éèêë", "I": "îï", "O": "ô", "U": "ùûü", "C": "ç"}


def accent_problems(translations: dict[Key, list[str] | None]) -> list[str]:
    """French translations whose capitals lost their accent."""
    texts = [(key, t) for key, forms in translations.items() for t in forms or ()]
    words_seen = {w for _, t in texts for w in re.findall(r"[a-zà-ÿ]+", t)}
    problems: list[str] = []
    for (context, source, _), text in texts:
        found = [f"“{m.group(0)}” → “À ”" for m in _LONE_A.finditer(text)]
        for m in _CAPITALISED.finditer(text):
            first, rest = m.groups()
            plain = first.lower() + rest
            accented = [
                a + rest for a in _ACCENTED[first] if {a + rest, a + rest + "s"} & words_seen
            ]
            if accented and not {plain, plain + "s"} & words_seen:
                found.append(f"“{m.group(0)}” → “{accented[0].capitalize()}”")
        problems += [f"capital without its accent: [{context}] {source!r}: {f}" for f in found]
    return problems


def check_english() -> list[str]:
    """The problems of amicale_en.ts: a plural text without its English forms, a stale .qm."""
    if not TS_EN.exists():
        return [f"{TS_EN.relative_to(ROOT)} does not exist: run ./dev tr"]
    committed = messages(TS_EN)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / TS_EN.name
        shutil.copyfile(TS_EN, fresh_ts)
        lupdate(fresh_ts, silent=True, plural_only=True)
        for key, texts in messages(fresh_ts).items():
            where = f"[{key[0]}] {key[1]!r}"
            if key not in committed:
                problems.append(f"missing from {TS_EN.name}: {where}")
            elif texts is None or len(texts) != 2:
                problems.append(f"no singular and plural in {TS_EN.name}: {where}")
        if not problems:
            fresh_qm = Path(tmp) / QM_EN.name
            lrelease(TS_EN, fresh_qm, silent=True)
            if not QM_EN.exists() or QM_EN.read_bytes() != fresh_qm.read_bytes():
                problems.append(f"{QM_EN.name} is out of date with {TS_EN.name}: run ./dev tr")
    return problems


def check() -> list[str]:
    """The problems ``--check`` reports; an empty list when the translation is complete."""
    if not TS.exists():
        return [f"{TS.relative_to(ROOT)} does not exist: run ./dev tr"]
    committed = messages(TS)
    problems: list[str] = check_english()
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / TS.name
        shutil.copyfile(TS, fresh_ts)
        lupdate(fresh_ts, silent=True)
        fresh = messages(fresh_ts)
        for key, texts in fresh.items():
            context, source, _ = key
            where = f"[{context}] {source!r}"
            if key not in committed:
                problems.append(f"missing from {TS.name}: {where}")
            elif texts is None:
                problems.append(f"not translated: {where}")
            elif any(
                sorted(set(_PLACEHOLDER.findall(t))) != sorted(set(_PLACEHOLDER.findall(source)))
                for t in texts
            ):
                problems.append(f"placeholders differ: {where} → {texts!r}")
        problems += accent_problems(committed)
        # Text passed to translate through a wrapper or a variable is hidden from lupdate.
        sources = (ROOT / f for f in source_files())
        looked_up = {c for f in sources for c in _LOOKUP.findall(f.read_text("utf-8"))}
        problems += [
            f"context {c!r} is looked up by translate() but lupdate finds no text for it: "
            "give translate() literal strings, or declare them with QT_TRANSLATE_NOOP"
            for c in sorted(looked_up - {context for context, _, _ in fresh})
        ]
        if not problems:
            fresh_qm = Path(tmp) / QM.name
            lrelease(TS, fresh_qm, silent=True)
            if not QM.exists() or QM.read_bytes() != fresh_qm.read_bytes():
                problems.append(f"{QM.name} is out of date with {TS.name}: run ./dev tr")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--check"]):
        print("usage: python -m ui.i18n_build [--check]", file=sys.stderr)
        return 2
    if args:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{TS.name}: {len(problems)} problem(s)" if problems else f"{TS.name}: complete")
        return 1 if problems else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    lrelease(TS, QM)
    lupdate(TS_EN, plural_only=True)
    lrelease(TS_EN, QM_EN)
    translated = messages(TS)
    for ts, found in ((TS, translated), (TS_EN, messages(TS_EN))):
        untranslated = [k for k, v in found.items() if v is None]
        if untranslated:
            print(f"{len(untranslated)} message(s) still to translate in {ts.relative_to(ROOT)}")
    for problem in accent_problems(translated):
        print(problem, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

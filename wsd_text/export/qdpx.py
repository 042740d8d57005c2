"""REFI-QDA export: a corpus as a ``.qdpx`` project and its code tree as a ``.qdc`` codebook.

The layout follows REFI-QDA 1.5 and the pitfalls other tools' users hit
(shared/refi-qda/PITFALLS.md): ``project.qde`` plus a flat lowercase ``sources/`` folder;
sources are UTF-8 plain text with LF line ends and no BOM, offsets are codepoints, end
exclusive, over exactly the text written; no ``richTextPath`` for plain text; no empty
containers; every output is validated against the REFI XSDs before it is written. GUIDs
are uuid5 of content, so the same corpus always exports byte-identically.

What goes where:

- code tree: ``perspective/<p>``, ``voice/<p>/<status>`` and ``voice/<p>/flagged_missing``,
  ``theme/<code>``, ``quote``, ``mention`` and ``speech``;
- each actor is a Case with the variables of `CASE_VARIABLES`, a SourceRef to its report
  and a SelectionRef to each of its mentions and quotes;
- each quote and each mention is a PlainTextSelection coded ``quote``/``mention`` and the
  actor's ``perspective/<p>``; so is each sentence holding a speech cue of the actor
  (``Actor.speech``: reported speech, with or without quotation marks), coded ``speech``
  and the speaker's ``perspective/<p>``, with the speaker's label as Description. Speech
  selections get no SelectionRef from the Case, since `wsd_text.export.qdpx_read` reads
  every non-quote SelectionRef of a Case back as a mention;
- voice statuses, flags and themes are selections of their evidence sentence (the whole
  text when the sentence is not found) whose Description holds the evidence as the record
  has it;
- report metadata are source variables (`SOURCE_VARIABLES`).
"""
from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

from .. import __version__
from ..codebook import load_codebook
from ..records import ACTOR_PERSPECTIVES, PERSPECTIVES, STATUSES, Actor, Record
from ..report import Report
from .atomic import write_bytes_atomic

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = f"{PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
_GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/wsd-text/wsd-text/qdpx")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the archive bytes depend on content only

# (variable name, REFI type) of every actor Case and every report TextSource.
CASE_VARIABLES = (("actor_id", "Text"), ("perspective", "Text"), ("role", "Text"),
                  ("organisation", "Text"), ("kind", "Text"), ("speaks", "Boolean"),
                  ("description", "Text"))
SOURCE_VARIABLES = (("title", "Text"), ("event_date", "Date"), ("published_date", "Date"),
                    ("location", "Text"), ("attendance_count", "Integer"),
                    ("attendance_unit", "Text"), ("missing_named", "Text"))
MISSING_NAMED_SEPARATOR = "\n"  # one named missing voice per line in the Text variable
# Tableau 10 colours for the perspectives, so QDA tools show them apart.
_COLOURS = dict(zip(ACTOR_PERSPECTIVES, ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#7f7f7f")))
_LINE_ENDS = re.compile("\\A\ufeff|\r\n?")


def guid(*parts) -> str:
    """A deterministic GUID (uuid5) for the content ``parts``.

    Examples
    --------
    >>> guid("code", "theme", "armoede") == guid("code", "theme", "armoede")
    True
    """
    return str(uuid.uuid5(_GUID_NAMESPACE, "\x1f".join(map(str, parts))))


@dataclass(frozen=True)
class CodeNode:
    """One code of the tree; ``path`` (names from the root) identifies it on import too."""

    path: tuple[str, ...]
    codable: bool
    children: tuple[CodeNode, ...] = ()
    description: str | None = None

    @property
    def guid(self) -> str:
        return guid("code", *self.path)


def code_tree(records: list[Record], data_dir: str | Path | None = None) -> tuple[CodeNode, ...]:
    """The code tree: perspectives, voice statuses, themes, quote, mention, speech.

    The themes are the codebook's (with label and description) and any other code the
    records use.

    Examples
    --------
    >>> [node.path for node in code_tree([])][:3]
    [('perspective',), ('voice',), ('theme',)]
    """
    def leaf(*path, description=None):
        return CodeNode(path, True, description=description)

    codebook = {c.code: f"{c.label}: {c.description}" for c in load_codebook(data_dir=data_dir).codes}
    themes = list(codebook) + sorted({t.code for r in records for t in r.themes} - set(codebook))
    voice = tuple(CodeNode(("voice", p), False, tuple(leaf("voice", p, s) for s in STATUSES + ("flagged_missing",)))
                  for p in PERSPECTIVES)
    tree = [CodeNode(("perspective",), False, tuple(leaf("perspective", p) for p in ACTOR_PERSPECTIVES)),
            CodeNode(("voice",), False, voice)]
    if themes:
        tree.append(CodeNode(("theme",), False, tuple(leaf("theme", t, description=codebook.get(t)) for t in themes)))
    return (*tree, leaf("quote"), leaf("mention"), leaf("speech"))


def plain_text(text: str):
    """The text as written to ``sources/``: no BOM, LF line ends; and the offset mapping.

    Examples
    --------
    >>> rw = plain_text("\\ufeffJa\\r\\nNee")
    >>> rw.text, rw.span(5, 8)
    ('Ja\\nNee', (3, 6))
    """
    from ..pseudonymise import rewrite

    return rewrite(text, _LINE_ENDS, lambda m: "" if m.group() == "\ufeff" else "\n")


@dataclass(frozen=True)
class _Selection:
    guid: str
    start: int
    end: int
    name: str
    codes: tuple[tuple[str, ...], ...]
    description: str | None = None


def _locate(text: str, snippet: str | None) -> tuple[int, int]:
    """Where an evidence sentence stands in the text; the whole text when it is not found."""
    at = text.find(snippet) if snippet else -1
    return (at, at + len(snippet)) if at >= 0 else (0, len(text))


class _SourceBuilder:
    """The selections and cases of one report."""

    def __init__(self, record: Record, report: Report):
        self.record = record
        self.rw = plain_text(report.text)
        self.text = self.rw.text
        self.guid = guid("source", report.id, hashlib.sha256(self.text.encode("utf-8")).hexdigest())
        self.selections: list[_Selection] = []
        self.actor_selections: dict[str, list[str]] = {a.id: [] for a in record.actors}

    def add(self, kind: str, span: tuple[int, int], name: str, codes, description=None, actor=None) -> None:
        start, end = span
        sel = _Selection(guid("selection", self.guid, kind, len(self.selections), start, end),
                         start, end, name, tuple(codes), description)
        self.selections.append(sel)
        if actor in self.actor_selections:
            self.actor_selections[actor].append(sel.guid)

    def build(self) -> _SourceBuilder:
        actors = {a.id: a for a in self.record.actors}
        for actor in self.record.actors:
            for mention in actor.mentions:
                span = self.rw.span(*mention)
                self.add("mention", span, self.text[span[0]:span[1]],
                         [("mention",), ("perspective", actor.perspective)], actor=actor.id)
        for actor in self.record.actors:
            for sentence in actor.speech:
                span = self.rw.span(*sentence)
                self.add("speech", span, self.text[span[0]:span[1]],
                         [("speech",), ("perspective", actor.perspective)], actor.label())
        for quote in self.record.quotes:
            speaker = actors.get(quote.actor)
            codes = [("quote",)] + ([("perspective", speaker.perspective)] if speaker else [])
            self.add("quote", self.rw.span(quote.start, quote.end), quote.text, codes, quote.cue, quote.actor)
        for p, voice in self.record.voices.items():
            self.add("status", _locate(self.text, voice.status_evidence), f"{p}: {voice.status}",
                     [("voice", p, voice.status)], voice.status_evidence)
            if voice.flagged_missing:
                self.add("flagged", _locate(self.text, voice.evidence), f"{p}: flagged_missing",
                         [("voice", p, "flagged_missing")], voice.evidence)
        for theme in self.record.themes:
            for sentence in theme.evidence or (None,):
                self.add("theme", _locate(self.text, sentence), theme.code, [("theme", theme.code)], sentence)
        return self


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    """A child element in the project namespace; attributes that are None are left out."""
    el = etree.SubElement(parent, f"{{{parent.nsmap[None]}}}{tag}",
                          {k: str(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _code_elements(parent, nodes) -> None:
    for node in nodes:
        code = _el(parent, "Code", guid=node.guid, name=node.path[-1], isCodable=str(node.codable).lower(),
                   color=_COLOURS.get(node.path[-1]) if node.path[0] == "perspective" else None)
        if node.description:
            _el(code, "Description", node.description)
        _code_elements(code, node.children)


def _variable_value(parent, name: str, kind: str, value) -> None:
    """A VariableValue, left out when the value is None."""
    if value is None:
        return
    holder = _el(parent, "VariableValue")
    _el(holder, "VariableRef", targetGUID=guid("variable", name))
    text = str(value).lower() if kind == "Boolean" else str(value)
    _el(holder, f"{kind}Value", text)


def _source_values(record: Record) -> dict:
    attendance = record.attendance or {}
    return {"title": record.title, "event_date": record.event_date, "published_date": record.published_date,
            "location": record.location, "attendance_count": attendance.get("count"),
            "attendance_unit": attendance.get("unit"),
            "missing_named": MISSING_NAMED_SEPARATOR.join(record.missing_named) or None}


def _case(parent, source: _SourceBuilder, actor: Actor) -> None:
    case = _el(parent, "Case", guid=guid("case", source.guid, actor.id), name=actor.label())
    if actor.evidence:
        _el(case, "Description", actor.evidence)
    values = {"actor_id": actor.id, "perspective": actor.perspective, "role": actor.role,
              "organisation": actor.organisation, "kind": actor.kind, "speaks": actor.speaks,
              "description": actor.description}
    for name, kind in CASE_VARIABLES:
        _variable_value(case, name, kind, values[name])
    _el(case, "SourceRef", targetGUID=source.guid)
    for target in source.actor_selections[actor.id]:
        _el(case, "SelectionRef", targetGUID=target)


def _text_source(parent, source: _SourceBuilder, user: str) -> None:
    el = _el(parent, "TextSource", guid=source.guid, name=source.record.report,
             plainTextPath=f"internal://{source.guid}.txt", creatingUser=user)
    for sel in source.selections:
        node = _el(el, "PlainTextSelection", guid=sel.guid, name=sel.name, startPosition=sel.start,
                   endPosition=sel.end, creatingUser=user)
        if sel.description is not None:
            _el(node, "Description", sel.description)
        for path in sel.codes:
            coding = _el(node, "Coding", guid=guid("coding", sel.guid, *path), creatingUser=user)
            _el(coding, "CodeRef", targetGUID=guid("code", *path))
    values = _source_values(source.record)
    for name, kind in SOURCE_VARIABLES:
        _variable_value(el, name, kind, values[name])


def project_xml(records: list[Record], reports: list[Report], name: str = "wsd-text corpus"):
    """The ``project.qde`` document and the source texts keyed by file name.

    Parameters
    ----------
    records : list of Record
    reports : list of Report
        ``reports[i]`` is the report ``records[i]`` was made from.
    name : str
        The project name QDA tools show.

    Returns
    -------
    tuple of (bytes, dict of str to bytes)

    Raises
    ------
    ValueError
        When a record and its report do not belong together, or the XML fails the schema.
    """
    for record, report in zip(records, reports, strict=True):
        if record.report != report.id:
            raise ValueError(f"The records and reports must be in the same order; "
                             f"record {record.report!r} was given with report {report.id!r}.")
    user = guid("user", "wsd-text")
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS, "xsi": _XSI},
                         name=name, origin=f"wsd-text {__version__}", creatingUserGUID=user)
    root.set(f"{{{_XSI}}}schemaLocation", _SCHEMA_LOCATION)
    _el(_el(root, "Users"), "User", guid=user, name="wsd-text")
    _code_elements(_el(_el(root, "CodeBook"), "Codes"), code_tree(records))
    variables = _el(root, "Variables")
    for var_name, kind in CASE_VARIABLES + SOURCE_VARIABLES:
        _el(variables, "Variable", guid=guid("variable", var_name), name=var_name, typeOfVariable=kind)
    sources = [_SourceBuilder(record, report).build() for record, report in zip(records, reports)]
    if any(s.record.actors for s in sources):
        cases = _el(root, "Cases")
        for source in sources:
            for actor in source.record.actors:
                _case(cases, source, actor)
    if sources:
        holder = _el(root, "Sources")
        for source in sources:
            _text_source(holder, source, user)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    validate(xml, "project")
    return xml, {f"{s.guid}.txt": s.text.encode("utf-8") for s in sources}


def codebook_xml(records: list[Record]) -> bytes:
    """The standalone ``.qdc`` codebook of `code_tree`, validated.

    Examples
    --------
    >>> codebook_xml([]).startswith(b"<?xml")
    True
    """
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=f"wsd-text {__version__}")
    _code_elements(_el(root, "Codes"), code_tree(records))
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    validate(xml, "codebook")
    return xml


@lru_cache(maxsize=2)
def _schema(kind: str) -> etree.XMLSchema:
    name = {"project": "Project-mrt2019.xsd", "codebook": "Codebook-mrt2019.xsd"}[kind]
    with resources.as_file(resources.files("wsd_text") / "schema" / name) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def validate(xml: bytes, kind: str = "project") -> None:
    """Raise ``ValueError`` naming the first violation of the REFI-QDA schema.

    Parameters
    ----------
    xml : bytes
    kind : {"project", "codebook"}
    """
    schema = _schema(kind)
    if not schema.validate(etree.fromstring(xml)):
        error = schema.error_log.last_error
        raise ValueError(f"The {kind} XML does not match the REFI-QDA schema (line {error.line}): {error.message}")


def _zip_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def write_qdpx(records: list[Record], reports: list[Report], path: str | Path, name: str | None = None) -> Path:
    """Write a corpus as a REFI-QDA project (``.qdpx``), atomically.

    Parameters
    ----------
    records : list of Record
    reports : list of Report
        ``reports[i]`` is the report ``records[i]`` was made from.
    path : Path
    name : str, optional
        Project name; the file stem by default.

    Returns
    -------
    Path

    Examples
    --------
    >>> from wsd_text import analyse_report, read_report
    >>> report = read_report("corpus/000_a2d3b59cfc4ed371.txt")
    >>> import tempfile; folder = tempfile.mkdtemp()
    >>> write_qdpx([analyse_report(report)], [report], f"{folder}/voorbeeld.qdpx").suffix
    '.qdpx'
    """
    path = Path(path)
    xml, texts = project_xml(records, reports, name or path.stem)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _zip_entry(archive, "project.qde", xml)
        for file_name, data in sorted(texts.items()):
            _zip_entry(archive, f"sources/{file_name}", data)
    return write_bytes_atomic(path, buffer.getvalue())


def write_qdc(records: list[Record], path: str | Path) -> Path:
    """Write the code tree as a REFI-QDA codebook (``.qdc``), atomically.

    Examples
    --------
    >>> import tempfile; folder = tempfile.mkdtemp()
    >>> write_qdc([], f"{folder}/codeboek.qdc").name
    'codeboek.qdc'
    """
    return write_bytes_atomic(path, codebook_xml(records))


def write_run_qdpx(records: list[Record], sources: list[Path], path: str | Path, settings=None,
                   key=None) -> Path:
    """Write the records of a corpus run as a ``.qdpx``, reading the report texts again.

    Parameters
    ----------
    records : list of Record
    sources : list of Path
        ``sources[i]`` is the file ``records[i]`` was made from (`RunResult.sources`).
    path : Path
    settings : Settings, optional
        The settings the run read the files with.
    key : PseudonymKey, optional
        When given, names are pseudonymised in texts and records, offsets remapped.

    Returns
    -------
    Path

    Examples
    --------
    >>> from wsd_text import analyse_paths
    >>> run = analyse_paths(["corpus/000_a2d3b59cfc4ed371.txt"], progress=False)
    >>> import tempfile; folder = tempfile.mkdtemp()
    >>> write_run_qdpx(run.records, run.sources, f"{folder}/run.qdpx").name
    'run.qdpx'
    """
    from ..ingest import read_report
    from ..pseudonymise import Pseudonymiser

    # Under the record's id: a report in a subfolder has the id "a/verslag.txt".
    reports = [read_report(source, settings, report_id=record.report)
               for record, source in zip(records, sources, strict=True)]
    if key is not None:
        key.add_records(records)
        reports, records = Pseudonymiser(key).corpus(reports, records)
    return write_qdpx(records, reports, path)

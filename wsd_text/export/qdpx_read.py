"""REFI-QDA import: a ``.qdpx`` project (from wsd-text or a coder's QDA tool) back to records.

Reads any ``*.qde`` at the archive root and sources from ``sources/`` or ``Sources/``
(PITFALLS.md §1), strips a BOM before counting offsets, and maps codes by their name path
(``quote``, ``perspective/formal``, ``voice/child/present``, ``theme/armoede``), so a project
that went through a QDA tool and got new GUIDs still reads. Cases become actors, their
SelectionRefs give the actors' mentions and quotes (see `wsd_text.export.qdpx`).

The archive is refused, naming the member, when a member name is absolute or climbs out
of the folder, or when sizes or compression ratios are absurd (a zip bomb).
"""
from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from ..records import Actor, Quote, Record, Theme, Voice
from .qdpx import MISSING_NAMED_SEPARATOR, PROJECT_NS, validate

log = logging.getLogger(__name__)

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 200 * 2**20  # meeting reports are small; REFI's own cap is 2 GiB
MAX_TOTAL_BYTES = 1 * 2**30
MAX_RATIO = 200  # deflate reaches about 10x on text; a bomb reaches 1000x
_NS = {"q": PROJECT_NS}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class QdpxProject:
    """What a ``.qdpx`` holds: one record per text source and the source texts."""

    records: list[Record] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


def _unsafe(archive: Path, member: str, reason: str) -> ValueError:
    return ValueError(f"{archive.name}: refused, unsafe archive member {member!r}: {reason}.")


def _check_members(archive: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse path escapes, absolute paths and zip bombs before reading anything."""
    if len(infos) > MAX_MEMBERS:
        raise ValueError(f"{archive.name}: refused, {len(infos)} archive members (the limit is {MAX_MEMBERS}).")
    total = 0
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or (parts and parts[0].endswith(":")):
            raise _unsafe(archive, name, "absolute path")
        if ".." in parts:
            raise _unsafe(archive, name, "path escapes the archive folder")
        if info.file_size > MAX_MEMBER_BYTES:
            raise _unsafe(archive, name, f"{info.file_size} bytes uncompressed (limit {MAX_MEMBER_BYTES})")
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _unsafe(archive, name, f"compression ratio over {MAX_RATIO} (a zip bomb?)")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ValueError(f"{archive.name}: refused, {total} bytes uncompressed in all (limit {MAX_TOTAL_BYTES}).")


def _read_member(zf: zipfile.ZipFile, archive: Path, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than declared (the header of a bomb may lie)."""
    with zf.open(info) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise _unsafe(archive, info.filename, f"more than {MAX_MEMBER_BYTES} bytes uncompressed")
    return data


def _code_paths(root) -> dict[str, tuple[str, ...]]:
    """Code GUID -> path of names from the root of the code tree."""
    paths = {}

    def walk(parent, prefix):
        for code in parent.findall("q:Code", _NS):
            path = prefix + (code.get("name", ""),)
            paths[code.get("guid")] = path
            walk(code, path)

    codes = root.find("q:CodeBook/q:Codes", _NS)
    if codes is not None:
        walk(codes, ())
    return paths


def _values(element, variables: dict[str, str]) -> dict[str, str]:
    """Variable name -> value text of the VariableValues of a Case or a source."""
    values = {}
    for holder in element.findall("q:VariableValue", _NS):
        ref = holder.find("q:VariableRef", _NS)
        value = holder[1] if len(holder) > 1 else None
        if ref is not None and value is not None:
            values[variables.get(ref.get("targetGUID"), "")] = value.text or ""
    return values


def _description(element) -> str | None:
    node = element.find("q:Description", _NS)
    return node.text if node is not None else None


def _source_text(source, archive: Path, files: dict[str, bytes]) -> str:
    """The plain text of a TextSource, BOM stripped so offsets count from the first character."""
    content = source.find("q:PlainTextContent", _NS)
    if content is not None:
        text = content.text or ""
    else:
        path = source.get("plainTextPath", "")
        if not path.startswith("internal://"):
            raise ValueError(f"{archive.name}: source {source.get('name')!r} is not inside the archive ({path!r}).")
        data = files.get(path.removeprefix("internal://"))
        if data is None:
            raise ValueError(f"{archive.name}: source file {path!r} is missing from the archive.")
        text = data.decode("utf-8")
    return text.removeprefix("\ufeff")


@dataclass
class _Selection:
    guid: str
    start: int
    end: int
    codes: list[tuple[str, ...]]
    description: str | None


def _selections(source, codes: dict[str, tuple[str, ...]]) -> list[_Selection]:
    found = []
    for sel in source.findall("q:PlainTextSelection", _NS):
        paths = [codes.get(ref.get("targetGUID"), ()) for ref in sel.findall("q:Coding/q:CodeRef", _NS)]
        found.append(_Selection(sel.get("guid"), int(sel.get("startPosition")), int(sel.get("endPosition")),
                                paths, _description(sel)))
    return found


def _actor(case, variables: dict[str, str], number: int, mentions) -> Actor:
    values = _values(case, variables)
    name = case.get("name")
    # An anonymous actor's Case is named by its description (or id): not a name.
    if name in (values.get("description"), values.get("actor_id")):
        name = None
    return Actor(id=values.get("actor_id") or f"a{number}", name=name, description=values.get("description"),
                 role=values.get("role"), organisation=values.get("organisation"),
                 perspective=values.get("perspective") or "unknown", kind=values.get("kind") or "individual",
                 speaks=values.get("speaks", "").lower() in ("true", "1"), evidence=_description(case),
                 mentions=tuple(mentions))


def _record(source, text: str, selections, cases, variables) -> Record:
    """One record from a TextSource, its selections and the Cases that point at it."""
    by_guid = {s.guid: s for s in selections}
    owner, actors = {}, []
    for number, case in enumerate(cases, 1):
        refs = [by_guid[r.get("targetGUID")] for r in case.findall("q:SelectionRef", _NS) if r.get("targetGUID") in by_guid]
        mentions = [(s.start, s.end) for s in refs if ("quote",) not in s.codes]
        actor = _actor(case, variables, number, mentions)
        actors.append(actor)
        owner.update({s.guid: actor.id for s in refs})
    quotes = [Quote(" ".join(text[s.start:s.end].split()), owner.get(s.guid), s.start, s.end, cue=s.description)
              for s in selections if ("quote",) in s.codes]
    values = _values(source, variables)
    attendance = ({"count": int(values["attendance_count"]), "unit": values.get("attendance_unit", "")}
                  if values.get("attendance_count") else None)
    return Record(report=source.get("name") or source.get("guid"), title=values.get("title"),
                  event_date=values.get("event_date"), published_date=values.get("published_date"),
                  location=values.get("location"), attendance=attendance, actors=tuple(actors),
                  quotes=tuple(quotes), voices=_voices(selections),
                  missing_named=tuple(filter(None, values.get("missing_named", "").split(MISSING_NAMED_SEPARATOR))),
                  themes=_themes(selections))


def _voices(selections) -> dict[str, Voice]:
    """Status and flag per perspective from the ``voice/<p>/...`` codings."""
    found: dict[str, dict] = {}
    for sel in selections:
        for path in sel.codes:
            if len(path) == 3 and path[0] == "voice":
                voice = found.setdefault(path[1], {})
                if path[2] == "flagged_missing":
                    voice.update(flagged_missing=True, evidence=sel.description)
                else:
                    voice.update(status=path[2], status_evidence=sel.description)
    return {p: Voice(**v) for p, v in found.items()}


def _themes(selections) -> tuple[Theme, ...]:
    """Themes in order of first coding, with the evidence sentences of their selections."""
    evidence: dict[str, list[str]] = {}
    for sel in selections:
        for path in sel.codes:
            if len(path) == 2 and path[0] == "theme":
                evidence.setdefault(path[1], []).extend([sel.description] if sel.description else [])
    return tuple(Theme(code, tuple(sentences)) for code, sentences in evidence.items())


def read_qdpx(path: str | Path) -> QdpxProject:
    """Read a REFI-QDA project into records, one per text source.

    Parameters
    ----------
    path : str or Path
        A ``.qdpx`` archive.

    Returns
    -------
    QdpxProject

    Raises
    ------
    ValueError
        Naming the archive (and member), when it is unsafe, holds no ``*.qde`` or is broken.

    Examples
    --------
    >>> from wsd_text.export.qdpx import write_qdpx
    >>> import tempfile; folder = tempfile.mkdtemp()
    >>> read_qdpx(write_qdpx([], [], f"{folder}/leeg.qdpx")).records
    []
    """
    archive = Path(path)
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            _check_members(archive, infos)
            files = {i.filename: _read_member(zf, archive, i) for i in infos}
    except zipfile.BadZipFile as error:
        raise ValueError(f"{archive.name}: not a REFI-QDA project (not a zip archive: {error}).") from error
    qde = [name for name in files if "/" not in name and name.lower().endswith(".qde")]
    if len(qde) != 1:
        raise ValueError(f"{archive.name}: expected one *.qde file at the archive root, found {len(qde)}.")
    try:
        # Parsed first with the safe parser: a broken project never reaches the schema check.
        root = etree.fromstring(files[qde[0]], _PARSER)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"{archive.name}: {qde[0]} is not well-formed XML ({error}).") from error
    try:
        validate(files[qde[0]])
    except ValueError as error:
        log.warning("%s: %s (reading it anyway)", archive.name, error)
    sources = {name.split("/", 1)[1]: data for name, data in files.items()
               if name.split("/", 1)[0].lower() == "sources" and "/" in name}
    return _project(root, archive, sources)


def _project(root, archive: Path, files: dict[str, bytes]) -> QdpxProject:
    codes = _code_paths(root)
    variables = {v.get("guid"): v.get("name") for v in root.findall("q:Variables/q:Variable", _NS)}
    cases_by_source: dict[str, list] = {}
    for case in root.findall("q:Cases/q:Case", _NS):
        for ref in case.findall("q:SourceRef", _NS):
            cases_by_source.setdefault(ref.get("targetGUID"), []).append(case)
    project = QdpxProject()
    for source in root.findall("q:Sources/q:TextSource", _NS):
        text = _source_text(source, archive, files)
        record = _record(source, text, _selections(source, codes), cases_by_source.get(source.get("guid"), []),
                         variables)
        project.records.append(record)
        project.texts[record.report] = text
    return project


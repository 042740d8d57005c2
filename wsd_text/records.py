"""Analysis records: frozen data classes matching ANNOTATION.md §6, built from a `Doc`.

The §6 fields come first and keep their names and types; a few provenance fields follow
(offsets, cues, evidence) so every finding can be traced to the words that decided it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from .report import Report

PERSPECTIVES = ("formal", "informal", "lived_experience", "child")
ACTOR_PERSPECTIVES = PERSPECTIVES + ("mixed", "unknown")
STATUSES = ("voiced", "present", "mentioned", "absent")
KINDS = ("individual", "group")


@dataclass(frozen=True)
class Actor:
    """A person or group that takes part in the meeting (§2).

    ``mentions`` are (start, end) codepoint offsets of every mention in the report text;
    ``speech`` those of each sentence holding a speech cue of the actor (reported speech,
    with or without quotation marks); ``evidence`` holds the words that decided the
    perspective.
    """

    id: str
    name: str | None
    description: str | None
    role: str | None
    organisation: str | None
    perspective: str = "unknown"
    kind: str = "individual"
    speaks: bool = False
    evidence: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()
    speech: tuple[tuple[int, int], ...] = ()

    def label(self) -> str:
        """The name, or the description of an anonymous actor."""
        return self.name or self.description or self.id

    def to_dict(self) -> dict:
        data = _fields(self)
        data["mentions"] = [list(m) for m in self.mentions]
        data["speech"] = [list(s) for s in self.speech]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Actor":
        """An actor from its JSON form (gold records lack the provenance fields)."""
        known = {k: data[k] for k in _ACTOR_FIELDS if k in data}
        known["mentions"] = tuple(tuple(m) for m in data.get("mentions", ()))
        known["speech"] = tuple(tuple(s) for s in data.get("speech", ()))
        return cls(**known)


_ACTOR_FIELDS = tuple(f.name for f in fields(Actor))


@dataclass(frozen=True)
class Quote:
    """A direct quote (§3); ``start``/``end`` are codepoint offsets of ``text``'s span."""

    text: str
    actor: str | None
    start: int
    end: int
    type: str = "direct"
    cue: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "actor": self.actor, "type": self.type,
                "start": self.start, "end": self.end, "cue": self.cue}

    @classmethod
    def from_dict(cls, data: dict) -> "Quote":
        """A quote from its JSON form; offsets are -1 when the source gave none."""
        return cls(text=data["text"], actor=data.get("actor"), start=data.get("start", -1),
                   end=data.get("end", -1), type=data.get("type", "direct"), cue=data.get("cue"))


@dataclass(frozen=True)
class Voice:
    """The status of one perspective in one report (§4)."""

    status: str = "absent"
    flagged_missing: bool = False
    evidence: str | None = None
    status_evidence: str | None = None

    def to_dict(self) -> dict:
        return _fields(self)


@dataclass(frozen=True)
class Theme:
    """A codebook theme the report discusses substantively, with its evidence sentences."""

    code: str
    evidence: tuple[str, ...] = ()
    score: float = 0.0


@dataclass(frozen=True)
class Record:
    """Everything wsd-text found in one report: the JSON record of §6."""

    report: str
    title: str | None
    event_date: str | None
    published_date: str | None
    location: str | None
    attendance: dict | None
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    voices: dict[str, Voice] = field(default_factory=dict)
    missing_named: tuple[str, ...] = ()
    themes: tuple[Theme, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The JSON-ready record; key order follows §6."""
        return {
            "report": self.report, "title": self.title, "event_date": self.event_date,
            "published_date": self.published_date, "location": self.location,
            "attendance": self.attendance,
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "voices": {p: self.voices.get(p, Voice()).to_dict() for p in PERSPECTIVES},
            "missing_named": list(self.missing_named),
            "themes": [t.code for t in self.themes],
            "theme_evidence": {t.code: list(t.evidence) for t in self.themes},
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        """A record from its JSON form (a wsd-text export or a hand-coded gold file)."""
        evidence = data.get("theme_evidence", {})
        return cls(
            report=data["report"], title=data.get("title"), event_date=data.get("event_date"),
            published_date=data.get("published_date"), location=data.get("location"),
            attendance=data.get("attendance"),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors", ())),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            voices={p: Voice(**v) for p, v in data.get("voices", {}).items()},
            missing_named=tuple(data.get("missing_named", ())),
            themes=tuple(Theme(code, tuple(evidence.get(code, ()))) for code in data.get("themes", ())),
            warnings=tuple(data.get("warnings", ())),
        )


def _fields(instance) -> dict:
    """A flat data class as a dict: ``asdict`` without the deep copy that made writing records slow."""
    return {f.name: getattr(instance, f.name) for f in fields(instance)}


def record_from_doc(doc, report: Report) -> Record:
    """Collect the annotations the pipeline left on ``doc`` into one `Record`."""
    meta = report.metadata
    return Record(
        report=report.id, title=report.title, event_date=meta.event_date,
        published_date=meta.published_date, location=meta.location,
        attendance=meta.attendance.to_dict() if meta.attendance else None,
        actors=_with_speech(doc), quotes=tuple(doc._.wsd_quotes or ()),
        voices=dict(doc._.wsd_voices or {}), missing_named=tuple(doc._.wsd_missing_named or ()),
        themes=tuple(doc._.wsd_themes or ()), warnings=report.warnings,
    )


def _with_speech(doc) -> tuple[Actor, ...]:
    """The Doc's actors, each with the sentences of its ``wsd_speech`` cues."""
    from .pipeline.text import tokens_of

    actors = tuple(doc._.wsd_actors or ())
    cues = doc.spans["wsd_speech"] if "wsd_speech" in doc.spans else ()
    if not cues:
        return actors
    tok, sentences = tokens_of(doc), {}
    for cue in cues:
        if cue._.wsd_actor:
            first, last = tok.sentence(cue.start)
            span = (tok.idx[first], tok.end[last - 1])
            if span not in sentences.setdefault(cue._.wsd_actor, []):
                sentences[cue._.wsd_actor].append(span)
    return tuple(replace(a, speech=tuple(sorted(sentences[a.id]))) if a.id in sentences else a for a in actors)

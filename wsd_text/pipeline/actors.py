"""The actors that count (ANNOTATION.md §2): named people, anonymous people and groups who
speak (also through a quote), and the group answering a poll; numbered by first mention.

It runs after `wsd_quotes`, so an anonymous speaker that only a quote reveals ("Een meisje
vulde aan: ‘…’") is kept, and it renames the actor ids of mentions, speech cues and quotes
together.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Actor
from .text import doc_text


@Language.factory("wsd_actors", assigns=["doc._.wsd_actors", "doc._.wsd_quotes", "doc.spans"],
                  requires=["doc._.wsd_actors"])
def make_actors(nlp: Language, name: str) -> "ActorsComponent":
    """Keep the actors that count and number them.

    Examples
    --------
    >>> from wsd_text.nlp import build_pipeline
    >>> doc = build_pipeline()("Een moeder zei: ‘Ik heb geen geld voor de sportclub.’ Een vader luisterde.")
    >>> [(a.id, a.description) for a in doc._.wsd_actors]
    [('a1', 'Een moeder')]
    """
    return ActorsComponent()


class ActorsComponent:
    """Drop anonymous candidates that say nothing; ids in order of first mention."""

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans.get("wsd_mentions", []))
        polls = {s._.wsd_actor for s in mentions if s.label_ == "POLL"}
        kept = [a for a in doc._.wsd_actors or () if a.name is not None or a.speaks or a.id in polls]
        firsts: dict[str, int] = {}
        for span in mentions:
            firsts.setdefault(span._.wsd_actor, span.start_char)
        unmentioned = len(doc_text(doc))  # after every mention
        kept.sort(key=lambda a: firsts.get(a.id, unmentioned))
        new_ids = {a.id: f"a{i}" for i, a in enumerate(kept, 1)}
        spans = [s for s in mentions if s._.wsd_actor in new_ids]
        positions: dict[str, list[tuple[int, int]]] = {}
        for span in spans:
            positions.setdefault(span._.wsd_actor, []).append((span.start_char, span.end_char))
        self._rename(spans + list(doc.spans.get("wsd_speech", [])) + list(doc.spans.get("wsd_quotes", [])), new_ids)
        doc.spans["wsd_mentions"] = spans
        doc._.wsd_quotes = [replace(q, actor=new_ids.get(q.actor)) for q in doc._.wsd_quotes or ()]
        doc._.wsd_actors = [_renumbered(a, new_ids, positions) for a in kept]
        return doc

    @staticmethod
    def _rename(spans, new_ids: dict[str, str]) -> None:
        """Spans with the same offsets share their extension values: rename each once."""
        renamed = set()
        for span in spans:
            key = (span.start_char, span.end_char)
            if key not in renamed:
                renamed.add(key)
                span._.wsd_actor = new_ids.get(span._.wsd_actor)


def _renumbered(actor: Actor, new_ids: dict[str, str], positions: dict) -> Actor:
    """The actor under its new id, with the offsets of the mentions that were kept."""
    return replace(actor, id=new_ids[actor.id], mentions=tuple(sorted(set(positions.get(actor.id, actor.mentions)))))

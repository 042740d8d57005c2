"""Every `Doc` and `Span` extension wsd-text sets, declared in one place.

Defaults are None (never a mutable default); components assign fresh objects.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = (
    "wsd_report",         # the Report the Doc was made from
    "wsd_actors",         # list[records.Actor], final after wsd_perspective
    "wsd_quotes",         # list[records.Quote], exact codepoint offsets
    "wsd_voices",         # dict[perspective, records.Voice]
    "wsd_missing_named",  # list[str]
    "wsd_themes",         # list[records.Theme]
    "wsd_tokens",         # pipeline.text.Tokens, the token lists the components share
)
SPAN_EXTENSIONS = (
    "wsd_actor",          # actor id of a mention, speech cue or quote span
    "wsd_role",           # role words found beside a person mention
    "wsd_organisation",   # organisation found beside a person mention
    "wsd_cue",            # the cue that decided an attribution or a status
)


def register_extensions() -> None:
    """Declare the extensions once; safe to call again."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)

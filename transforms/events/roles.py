"""Who acts and who is acted upon: the actor and recipient tokens of a trigger.

The actor is the subject, the passive agent, or the subject inherited from a governing clause
("urged X to withdraw": X withdraws). The recipient is searched nearest first: objects,
prepositional objects, the subject of a "that" clause, then inside objects and infinitive
complements; a party (a name, a group, a people, or what one owns) beats a mere thing.
"""
from __future__ import annotations

from spacy.tokens import Token

from .gazetteer import Gazetteer
from .lexicon import HOSTILE, Lexicon
from .phrases import antecedent, is_actor_like, is_pronoun, is_proper, is_time_word, owner_modifier, verb_above
from .relevance import CROWDS
from .triggers import Trigger

STATIVE = frozenset({"oppose", "commit", "determine", "engage", "involve", "dedicate", "prepare", "resolve"})
# a journey whose purpose is the nominal event: "travelled to Beijing for talks", "arrived for a visit"
JOURNEYS = frozenset({"travel", "arrive", "come", "go", "fly", "head", "leave", "return", "convene", "gather", "sit"})
# verbs whose subject perceives, remembers or lives through an event rather than doing it: "he heard
# explosions", "residents fled the fighting", "journalists covering the war"
WITNESSING = frozenset({"hear", "see", "witness", "watch", "feel", "notice", "film", "photograph", "record", "describe",
                        "recall", "remember", "fear", "survive", "flee", "escape", "cover", "recount", "endure"})
# what measures out an act done over time: "launched 10 days of war games", "began a new round of talks"
SPANS = frozenset({"day", "days", "week", "weeks", "month", "months", "hour", "hours", "night", "nights", "round",
                   "rounds", "series", "wave", "waves", "spate", "session", "sessions", "package", "packages", "raft",
                   "batch", "tranche"})  # and measures of an act: "agreed a 14th package of sanctions"
RECIPIENT_PREPS = ("against", "with", "on", "to", "at", "upon", "toward", "towards", "from", "into", "over", "for",
                   "between", "among")


def subject(verb: Token) -> Token | None:
    """The verb's subject; also one the parser hung on its auxiliary ("Egypt and Qatar are mediating":
    Egypt under "are")."""
    found = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl")), None)
    if found is None:
        found = next((g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"), None)
    return found


def agent(verb: Token) -> Token | None:
    """The "by" phrase's noun of a passive verb ("by neighbouring Georgia": the parser may read the adjective
    as a verb with the name its object)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None) or next(
                (o for g in child.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                 for o in g.children if o.dep_ == "dobj" and o.tag_.startswith("NNP")), None)
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "acl") and agent(verb) is not None)


def _attacker_when(verb: Token, lex: Lexicon) -> Token | None:
    """"14 people were killed and 40 injured when Russian forces struck a hypermarket": the doer of the
    hostile act in the "when" clause did it."""
    for v in (verb, *(c for c in verb.children if c.dep_ == "conj")):
        for clause in (c for c in v.children if c.dep_ == "advcl"):
            if any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in clause.children) \
                    and lex.verb_type.get(lex.lemma(clause.text)) in ("ASSAULT", "COERCE"):
                subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return subj
    return None


def _agent_below(verb: Token) -> Token | None:
    """"accused of misusing funds ... by officials": a by-agent attached lower down in the clause."""
    for tok in verb.subtree:
        if tok.dep_ == "agent" and not any(c.dep_ == "nsubjpass" for c in tok.head.children if tok.head.i != verb.i):
            return next((g for g in tok.children if g.dep_ == "pobj"), None)
    return None


# nominal events whose "from X" names the doer ("aid from Japan", "criticism from Beijing"), unlike a
# withdrawal or an attack "from" a place
GIVEN = frozenset({"SUPPORT", "AID", "ACCUSE", "THREATEN", "REQUEST", "AGREE", "COOPERATE"})


def find_nominal_actor(noun: Token, lex: Lexicon) -> Token | None:
    """Who does a nominal event: "attack by X", "support from X", "NATO's blockade", "Palestinian
    protests", the sides of "fighting between X and Y" (or "between rival groups"), the subject of the
    verb it is the object of ("NATO would tighten the blockade"; not of "heard explosions": the hearer is
    a witness) or is measured out by ("launched 10 days of war games"), of the journey it is the purpose
    of ("flew to Tokyo for talks"), or of being on it ("has been on hunger strike")."""
    by = _prep_objects(noun, ("by",))
    if by:
        return by[0]  # "attack by X"
    if lex.noun_type.get(lex.lemma(noun.text, noun=True)) in GIVEN:  # "from" is the giver, not the origin
        holders = [noun] + ([noun.head] if noun.dep_ == "dobj" and lex.lemma(noun.head.text) in lex.victim_verbs else [])
        giver = next((g for h in holders for g in _prep_objects(h, ("from",)) if is_proper(g) or lex.sector(g.lower_)), None)
        if giver is not None:
            return giver  # "support from the Soros family", "criticism from Beijing", "faces criticism from his party"
    crowd = next((c for c in noun.children if noun.dep_ == "ROOT" and c.i < noun.i and c.lower_ in CROWDS), None)
    if crowd is not None:
        return crowd  # the headline "Thousands march in Madrid": the parser took the verb for a noun
    owner = next((c for c in noun.children if c.dep_ == "poss" or (c.dep_ == "compound" and is_proper(c))
                  or c.dep_ == "amod" and c.text[:1].isupper() and c.i != c.sent.start), None)
    if owner is not None:
        return owner  # "NATO's blockade", "the Indian strikes" (a capitalised adjective inside the sentence)
    # "fighting erupted ... between X and Y", "the restoration of relations between X and Y"
    holders = [noun] + ([noun.head] if noun.dep_ == "nsubj" else []) + _prep_objects(noun, ("of",))
    between = next((g for h in holders for g in _prep_objects(h, ("between",))), None)
    if between is not None and (any(c.dep_ == "conj" for c in between.children) or between.tag_ == "NNS"):
        return between  # "fighting between the army and a paramilitary force": the first side acts on the second;
        # "between rival armed groups": the groups act on each other
    if noun.dep_ in ("nsubj", "nsubjpass", "ROOT") \
            and lex.noun_type.get(lex.lemma(noun.text, noun=True)) in SELF_ACTING:
        # "the demobilisation of 2,000 paramilitaries", "the disengagement of Chinese and Indian troops" (as a
        # subject only: "Vietnam completed the pullout of its troops" is the verb's subject's act)
        of = _prep_objects(noun, ("of",))
        if of and (is_proper(of[0]) or lex.sector(of[0].lower_) is not None):
            return of[0]
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.tag_.startswith("VB"):
        verb = lex.lemma(noun.head.text)
        return None if verb in WITNESSING or verb in lex.victim_verbs else find_actor(noun.head, lex)
    prep = noun.head
    measure = prep.head if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in SPANS else None
    if measure is not None and measure.dep_ in ("dobj", "nsubjpass") and measure.head.tag_.startswith("VB") \
            and lex.lemma(measure.head.text) not in WITNESSING:
        return find_actor(measure.head, lex)  # "warships launched 10 days of war games", "began a round of talks"
    aim = measure if measure is not None else noun  # "gathered in Geneva for a new round of negotiations"
    if aim.dep_ == "pobj" and aim.head.lower_ == "for" and aim.head.head.tag_.startswith("VB") \
            and lex.lemma(aim.head.head.text) in JOURNEYS:
        return find_actor(aim.head.head, lex)  # "Yeltsin travelled to Beijing for talks": Yeltsin talks
    if noun.dep_ == "pobj" and prep.lower_ == "on" and prep.head.tag_.startswith("VB") \
            and lex.lemma(prep.head.text) in STAYING:
        return find_actor(prep.head, lex)  # "the activist has been on hunger strike for 40 days"
    return None


SELF_ACTING = frozenset({"RETREAT", "MOBILIZE", "PROTEST"})  # acts whose "of" names who does them, not their target
STAYING = frozenset({"be", "go", "remain", "stay"})  # "went on strike", "remains on hunger strike"
RECEIVING = frozenset({"receive", "get", "obtain", "secure", "accept"})
LAUNCHING = frozenset({"fire", "launch", "shoot"})


def launch_origin(weapon: Token, lex: Lexicon, gaz: Gazetteer) -> Token | None:
    """Where a weapon that is the subject was fired from, when the sentence names a party or a place
    ("rockets fired from Gaza hit southern Israel", "a drone launched from Yemen struck Eilat"; the parser
    often makes "fired" the main verb): whoever fired from there is the attacker, and it is no target."""
    launches = [c for c in weapon.children if c.dep_ == "acl" and lex.lemma(c.text) in LAUNCHING]
    if weapon.dep_ == "nsubj" and lex.lemma(weapon.head.text) in LAUNCHING:
        launches.append(weapon.head)
    return next((g for verb in launches for g in _prep_objects(verb, ("from",)) if is_actor_like(g, lex, gaz)), None)


def find_giver(trig: Trigger, lex: Lexicon) -> Token | None:
    """Who gives the aid a party receives ("Kenya received a loan from the World Bank"): the object of
    "from" on the receiving verb or its object; the receiver is then the recipient."""
    verb = trig.token
    if trig.type != "AID" or trig.nominal or lex.lemma(verb.text) not in RECEIVING:
        return None
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return next((g for h in holders for g in _prep_objects(h, ("from",))), None)


ADJUNCT_PREPS = frozenset({"after", "before", "by", "while", "since", "without", "upon", "despite", "through"})
# verbs whose object does what their infinitive says ("forced Serbia to withdraw": Serbia withdraws), beside
# every verb of an event type ("urged X to withdraw"); not "use" or "send" ("sent troops to quell the riot":
# the sender quells it, its troops have no country of their own)
OBJECT_CONTROL = frozenset({"force", "persuade", "convince", "induce", "oblige", "tell", "enable", "prompt",
                            "encourage", "invite", "require", "instruct", "authorize", "authorise", "direct",
                            "advise", "warn", "get", "lead", "cause"})


def find_actor(verb: Token, lex: Lexicon) -> Token | None:
    """Who acts: subject, passive agent, or the subject inherited from the governing clause."""
    if is_passive(verb):
        found = agent(verb) or _agent_below(verb) or _attacker_when(verb, lex)
        if found is None and (any(c.dep_ == "xcomp" for c in verb.children) or lex.lemma(verb.text) in STATIVE):
            found = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return found
    subj = subject(verb)
    if subj is not None and subj.dep_ != "expl":
        if antecedent(subj) is not subj:
            return antecedent(subj)
        doer = next((c for c in subj.children if c.dep_ == "nsubj"), None)
        if doer is not None and subj.tag_ in ("VBG", "NN"):
            return doer  # a misparse of "Arab leaders meeting in Sharm el-Sheikh agreed": the leaders agreed
        return _author(subj, lex) or subj
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "pcomp" and head.dep_ == "prep":  # "accused X of executing" -> X executed
        governor = head.head
        held = ("nsubjpass",) if is_passive(governor) else ("dobj",)  # "X was accused of forcing": X forced
        obj = None if head.lower_ in ADJUNCT_PREPS else next((c for c in governor.children if c.dep_ in held), None)
        return obj if obj is not None else find_actor(governor, lex)  # "punished X after accusing it": the punisher
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp"):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if verb.dep_ == "xcomp" and obj is not None and (lex.lemma(head.text) in lex.verb_type
                                                          or lex.lemma(head.text) in OBJECT_CONTROL):
            return obj  # "urged X to withdraw", "forced X to withdraw": X withdraws
        if head.tag_.startswith("VB") or head.dep_ == "acomp":
            return find_actor(head, lex)
        return None
    if verb.dep_ in ("acl", "relcl"):
        if verb.tag_ == "VBG" and is_actor_like(head, lex, gaz=None):
            return head
        if verb.tag_ == "VBD" and verb.dep_ == "acl" and head.dep_ == "ROOT" and is_actor_like(head, lex, gaz=None):
            return head  # a misparse that makes the subject the root: "Angola's UNITA rebels [root] handed over ..."
        governor = verb_above(head)
        return find_actor(governor, lex) if governor is not None else None
    return None


DOCUMENTS = frozenset({"report", "statement", "dossier", "letter", "study", "communique", "declaration", "memo",
                       "document", "complaint", "petition"})


def _author(noun: Token, lex: Lexicon) -> Token | None:
    """Who speaks through a document that is the subject: "a report by Amnesty International accused
    ...", "a dossier compiled by the Farmers' Union of Wales alleges ...", "the army's statement"."""
    if lex.lemma(noun.text, noun=True) not in DOCUMENTS:
        return None
    by = _prep_objects(noun, ("by",)) or [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                                          for a in (agent(c),) if a is not None]
    return by[0] if by else next((c for c in noun.children if c.dep_ == "poss" and not is_pronoun(c)), None)


def _prep_objects(tok: Token, preps: tuple[str, ...] = RECIPIENT_PREPS) -> list[Token]:
    """Objects of the token's prepositions, in the order of `preps` (one walk over its children)."""
    found = [c for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps]
    if not found:
        return []
    out = []
    for prep in preps:
        for child in found:
            if child.lower_ == prep:
                out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    return [x for t in tokens for x in (t, *[c for c in t.children if c.dep_ == "conj"])]


def addressees(verb: Token) -> list[Token]:
    """Whom a verb is done to or addresses, by the parse alone: its objects and the objects of its "on",
    "to", "with", "against", with their conjuncts ("calls on both India and Pakistan")."""
    objs = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
    return _with_conjuncts(objs + _prep_objects(verb, ("on", "upon", "to", "with", "against")))


def _argument_candidates(trig: Trigger) -> list[Token]:
    """Nouns that may name the recipient, nearest first: objects, prepositional objects, the subject
    of a "that" clause, then the same inside objects and infinitive complements ("threatened to cut
    off electricity to X")."""
    verb, used = trig.token, {w.i for w in trig.words}
    objs = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i not in used]
    level1 = objs + _prep_objects(verb)
    level1 += [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    nouns = [w for w in trig.words[1:] if w.tag_.startswith("NN")]
    inner = nouns + [g for w in trig.words[1:] if w.dep_ == "prep" for g in w.children if g.dep_ == "pobj"]
    level2 = [p for n in _with_conjuncts(objs) + inner for p in _prep_objects(n, RECIPIENT_PREPS + ("by", "of"))]
    level2 += [m for n in nouns for m in n.children if m.dep_ in ("amod", "compound", "poss")]
    level3 = []
    comps = [c for w in trig.words for c in w.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    for comp in comps:
        comp_objs = [c for c in comp.children if c.dep_ in ("dative", "dobj")]
        comp_preps = _prep_objects(comp)
        level3 += comp_objs + comp_preps + [p for o in comp_objs + comp_preps
                                            for p in _prep_objects(o, RECIPIENT_PREPS + ("of", "by"))]
    places = [p for n in [verb, *objs] for p in _prep_objects(n, ("in", "inside", "near"))]
    aimed = [p for n in nouns for p in _prep_objects(n, ("on", "against", "upon"))] \
        if trig.type in HOSTILE else []  # "imposed sanctions on Iran" ("talks on border security" name a topic)
    return _with_conjuncts(aimed) + _with_conjuncts(level1) + level2 + inner + level3 + places


def find_recipient(trig: Trigger, actor: Token | None, lex: Lexicon, gaz: Gazetteer) -> tuple[Token | None, bool]:
    """Whom the event is done to; the flag is False when only a non-actor object (a thing) was found."""
    verb = trig.token
    if trig.nominal:
        cands = _prep_objects(verb) + [c for c in verb.children if c.dep_ in ("compound", "amod", "poss")]
        return _first_actor_like(cands, actor, lex, gaz)
    if is_passive(verb):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None and verb.dep_ == "acl":
            subj = verb.head
        if subj is not None and (actor is None or subj.i != actor.i) \
                and (subj not in trig.words or is_actor_like(subj, lex, gaz)):
            return subj, True  # not "sanctions were imposed on Iran": what was imposed is the act itself
    victim = _victim(verb, lex)
    if victim is not None:
        return victim, True
    cands = _argument_candidates(trig)
    if lex.lemma(verb.text) in LAUNCHING:  # "launched strikes from Indian airspace": no target
        cands = [c for c in cands if not (c.dep_ == "pobj" and c.head.lower_ == "from")]
    used = {w.i for w in trig.words}
    tok, ok = _first_actor_like([c for c in cands if c.i not in used], actor, lex, gaz)
    if tok is None:
        objs = [c for c in cands if c.dep_ == "dobj" and not is_time_word(c) and c.i not in used]
        return (objs[0], False) if objs else (None, False)
    return tok, ok


def _victim(verb: Token, lex: Lexicon) -> Token | None:
    """"X suffered a setback when Y took Z": X is on the receiving end of Y's action."""
    if verb.dep_ == "advcl" and lex.lemma(verb.head.text) in lex.victim_verbs:
        return subject(verb.head)
    return None


def _own(tok: Token) -> bool:
    """"its troops", "their demands": what the actor itself owns is not the recipient."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in tok.children)


def _first_actor_like(cands: list[Token], actor: Token | None, lex: Lexicon, gaz: Gazetteer) -> tuple[Token | None, bool]:
    cands = [c for c in cands if (actor is None or c.i != actor.i) and c.tag_ != "IN" and not is_time_word(c)
             and not _own(c) and c.lower_ != "behalf"]  # "collects on behalf of X": for X, not done to it
    for c in cands:
        if c.dep_ in ("amod", "compound", "poss") and not owner_modifier(c, lex, gaz):
            continue
        if is_actor_like(c, lex, gaz) and c.lower_ not in ("it", "this", "that"):
            return c, True
    return None, False


def resolve_pronoun(tok: Token | None, lex: Lexicon) -> Token | None:
    """Replace "it"/"they" by the nearest non-pronoun subject of a governing clause in the sentence, and a
    relative pronoun by the noun its clause describes."""
    if tok is None or not is_pronoun(tok):
        return tok
    if antecedent(tok) is not tok:
        return antecedent(tok)  # "nine targets that were hit": the targets
    head = tok.head
    while head.head.i != head.i:
        clause, head = head, head.head
        subj = subject(head)
        if subj is None and tok.lower_ == "they" and clause.dep_ == "advcl":  # "four activists were arrested as
            subj = next((c for c in head.children if c.dep_ == "nsubjpass" and c.tag_ == "NNS"), None)  # they marched"
        if subj is not None and not is_pronoun(subj) and subj.dep_ != "expl":  # not the "there" of "there were"
            return _those_acted_on(tok, clause, head, subj, lex) or subj
    return tok


def _those_acted_on(pronoun: Token, clause: Token, verb: Token, subj: Token, lex: Lexicon) -> Token | None:
    """"Police arrested hundreds of supporters as they tried to march on the capital": the people a state
    force acts on are the "they" of the clause telling what they were doing (not the police)."""
    if pronoun.lower_ != "they" or clause.dep_ != "advcl" or lex.sector(subj.lower_) not in ("police", "military") \
            or not any(m.dep_ == "mark" and m.lower_ in ("as", "while", "when") for m in clause.children):
        return None
    targets = [c for c in verb.children if c.dep_ == "dobj"] + _prep_objects(verb, ("at", "on", "against"))
    for obj in targets:  # "fired tear gas at protesters as they marched"
        group = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                      if g.dep_ == "pobj"), obj)  # "hundreds of supporters"
        if lex.sector(group.lower_) in ("civilian", "opposition") and group.tag_ == "NNS":
            return group
    return None

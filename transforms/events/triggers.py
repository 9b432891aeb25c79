"""Event triggers in a parsed sentence, their PLOVER type and mode, and their actor and recipient.

A verb codes an event through a phrase ("open fire", "take control"), a light verb's object noun
("held talks", "imposed sanctions"), or its own lemma. The trigger closest to the root of the
sentence (reporting verbs skipped) is the sentence's main event.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import (ALLOWING, ARGUMENT_VERBS, ARRIVING, CARRYING, EVACUATING, FUNDING, GIVING, HALTING,
                      HANDING_OVER, HOSTILE, LEAVING, MOVING, REVERSING, TRADING, Lexicon)
from .phrases import (HYPHENS, antecedent, clause_verb, conjoined_without_coordinator, hung_on_subject,
                      is_time_word, quantity_of, time_phrase, verb_above)
from .relevance import CROWDS

INTENT_WORDS = frozenset({"willing", "ready", "prepared", "eager", "determined", "vow", "vows", "vowed", "swear",
                          "swears", "swore", "sworn", "pledge", "pledges", "pledged"})
STERNLY = frozenset({"firmly", "harshly", "severely", "decisively", "ruthlessly", "sternly", "mercilessly"})
FORCEFUL = frozenset({"impose", "use", "retaliate", "punish", "crush", "fight", "invade", "intervene", "deploy"})
AID_GOODS = frozenset({"medicine", "medicines", "food", "aid", "supplies", "supply", "water", "tent", "tents", "blanket",
                       "blankets", "vaccine", "vaccines", "medical", "relief", "fuel", "wheat", "grain", "rice", "flour",
                       "assistance", "loan", "loans", "credit", "credits", "funding", "humanitarian"})
CASUALTIES = frozenset({"wounded", "injured", "sick", "casualties", "civilians", "children", "patients", "refugees",
                        "survivors", "residents", "people", "families", "villagers", "inhabitants", "tourists",
                        "passengers", "citizens", "nationals", "foreigners", "expatriates"})
REFUGEES = frozenset({"refugee", "refugees", "migrants", "asylum", "displaced", "evacuees", "fleeing"})
EVIDENCE = frozenset({"evidence", "intelligence", "records", "files", "dossier", "testimony", "documents", "information",
                      "details", "data", "tip-off", "tip-offs"})
ENERGY = frozenset({"gas", "oil", "electricity", "power", "crude", "lng", "coal", "megawatts", "barrels"})
SUSPECTS = frozenset({"suspect", "suspects", "suspected", "fugitive", "fugitives", "wanted", "accused"})
# "a former minister ... on the run from bribery charges": a fugitive handed over
CHARGES = frozenset({"charges", "charged", "indicted", "warrant"})
POSTS = frozenset({"base", "bases", "position", "positions", "checkpoint", "checkpoints", "garrison", "garrisons",
                   "outpost", "outposts", "territory"})  # a military position handed over is given up
PROPERTY = frozenset({"land", "lands", "property", "properties", "house", "houses", "farm", "farms", "asset", "assets",
                      "estate", "estates", "business", "businesses"})  # given back: a concession
SEIZED_GOODS = frozenset({"weapon", "weapons", "arms", "explosive", "explosives", "bomb", "bombs", "ammunition", "cache",
                          "drug", "drugs", "cocaine", "heroin", "contraband", "device", "devices", "rifle", "rifles",
                          # property taken by an authority or a group is coercion, not an attack (CAMEO 1711)
                          "business", "businesses", "farm", "farms", "property", "properties", "asset", "assets",
                          "land", "lands", "house", "houses", "home", "homes", "company", "companies", "firm",
                          "firms", "shop", "shops", "newspaper", "passport", "passports", "ship", "vessel", "tanker",
                          "cargo", "equipment", "document", "documents", "computer", "computers", "bank", "account",
                          "accounts", "fund", "funds", "estate", "estates", "plantation", "plantations", "mine", "mines",
                          "press", "presses", "plant", "plants", "factory", "factories", "refinery", "refineries"})
OBSTRUCTING = frozenset({"block", "blockade", "barricade", "besiege", "picket"})
STATE_SECTORS = frozenset({"government", "military", "police"})
# what an authority lets in when it allows international involvement: a de-escalation (RETREAT)
ACCESS = frozenset({"inspector", "inspectors", "monitor", "monitors", "observer", "observers", "convoy", "convoys",
                    "aid", "relief", "access", "peacekeeper", "peacekeepers", "investigator", "investigators",
                    "mission", "team", "teams", "worker", "workers", "agency", "agencies", "truck", "trucks"})
WAR_MATERIEL = frozenset({"frigate", "frigates", "warship", "warships", "destroyer", "destroyers", "carrier", "carriers",
                          "submarine", "submarines", "tank", "tanks", "vehicle", "vehicles", "craft", "jet", "jets",
                          "fighter", "fighters", "bomber", "bombers", "missile", "missiles", "battery", "batteries",
                          "battalion", "battalions", "brigade", "brigades", "division", "divisions", "armour", "armor",
                          "weapons", "artillery", "gun", "guns", "howitzer", "howitzers", "mortar", "mortars"})
AIRCRAFT = frozenset({"warplane", "warplanes", "helicopter", "helicopters", "gunship", "gunships", "drone", "drones",
                      "aircraft", "planes"})
SIEGES = frozenset({"siege", "sieges", "blockade", "blockades"})  # military ones: easing them is a retreat
WEAPON_TESTS = frozenset({"missile", "rocket", "warhead", "bomb", "device", "weapon", "icbm", "torpedo", "interceptor"})
PROCESSES = frozenset({"talks", "talk", "dialogue", "negotiation", "negotiations", "election", "elections", "vote", "poll",
                       "polls", "summit", "meeting", "conference", "session", "ceremony", "parliament", "inauguration",
                       "referendum", "hearing", "inquiry", "commission", "process", "conference", "games", "olympics"})
JOINT = frozenset({"joint", "jointly", "coordinated", "combined"})
PREMISES = frozenset({"office", "home", "house", "headquarters", "premises", "studio", "newsroom", "apartment", "flat"})
STATE_NOUNS = frozenset({"war", "invasion", "insurgency", "violence"})  # names of a situation as often as of an act
WAGING = frozenset({"launch", "wage", "declare", "start", "begin", "mount", "unleash", "escalate", "spark", "trigger",
                    "lead", "order", "resume", "intensify", "step"})
ERUPTING = frozenset({"break", "erupt", "start", "begin", "escalate", "rage", "resume", "intensify", "spread", "flare",
                      "continue", "kill", "claim"})
TAKING = frozenset({"capture", "seize", "take", "win", "claim", "retake", "recapture", "grab", "snatch", "destroy"})
# what is captured in a match, a market or a picture, never from a party
PRIZES = frozenset({"video", "footage", "image", "images", "photo", "photos", "picture", "pictures", "percent", "share",
                    "title", "titles", "crown", "imagination", "attention", "audience", "moment", "mood", "essence",
                    "spirit", "heart", "hearts", "award", "prize", "medal", "trophy", "gold", "silver", "bronze",
                    "championship", "pennant", "lead", "order", "wicket", "wickets", "point", "points", "set",
                    "sets", "game", "games", "race", "stage", "pole", "record", "cup", "league", "match", "final"})
CURRENCIES = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "crown", "crowns", "yen", "yuan",
                        "rupee", "rupees", "franc", "francs", "mark", "marks", "riyal", "riyals", "dinar", "dinars",
                        "shilling", "shillings", "rand", "peso", "pesos", "ruble", "rubles", "rouble", "roubles"})
HELPERS = frozenset({"doctor", "doctors", "medic", "medics", "nurse", "nurses", "rescuer", "rescuers", "rescue",
                     "surgeon", "surgeons", "engineer", "engineers"})
OCCUPYING = frozenset({"storm", "occupy", "block", "blockade", "besiege"})
# modifiers that make a war, battle or fight a contest of another kind ("price war", "court battle")
FIGURATIVE = frozenset({"court", "legal", "price", "trade", "culture", "bidding", "custody", "tariff", "boardroom",
                        "takeover", "ratings", "media", "pr", "currency", "courtroom", "patent"})
SPACECRAFT = frozenset({"lunar", "space", "unmanned", "robotic", "interplanetary", "mars", "solar", "moon", "orbital",
                        "deep-space", "planetary"})  # "an unmanned lunar probe": a spacecraft, no investigation
CONTEST_VERBS = frozenset({"beat", "defeat", "crush", "rout", "hammer", "thrash", "overwhelm", "trounce"})
ELECTORAL = frozenset({"election", "elections", "vote", "votes", "voters", "polls", "poll", "race", "campaign",
                       "primary", "primaries", "ballot", "electoral", "nomination", "candidate", "candidates"})
# verbs so common outside politics that they code an event only with a party on the receiving end
# ("received a delegation", not "received a text message"; "sent troops", not "sent updates")
NEEDS_PARTY = frozenset({"receive", "host", "send", "provide", "give", "offer", "return", "acknowledge", "support",
                         "help", "reinforce", "supply", "deliver", "allow", "permit", "treat", "train", "fund",
                         "finance", "contribute", "assist", "feed", "shelter", "rescue", "welcome", "cut", "reduce", "close", "freeze", "hang", "jam",
                         "strengthen", "work", "collaborate", "build", "shut", "prevent", "restrict", "raid",
                         "release", "recall", "try"})


@dataclass(frozen=True)
class Trigger:
    token: Token
    type: str
    mode: str | None
    words: tuple[Token, ...]  # the action words (verb, particle, object noun)
    nominal: bool = False
    priority: float = 0.0  # subtracted from the depth when ranking the sentence's triggers


def _continuations(tok: Token, lex: Lexicon) -> dict[str, tuple[Token, ...]]:
    """Strings that may complete a phrase started by `tok`: particle, object, preposition (+ object)."""
    out: dict[str, tuple[Token, ...]] = {}
    for child in tok.children:
        dep = child.dep_
        if time_phrase(child):
            continue  # "test-fired a missile on Sunday" did not fire on anyone
        if dep in ("prt", "dobj", "prep", "acomp", "attr", "dative", "advmod", "xcomp", "oprd", "agent", "npadvmod",
                   "nsubjpass"):  # "a seven-day truce was declared by Renamo": declare truce
            low = lex.lemma_of(child)
            if not (dep == "prep" and low == "in" and any(g.dep_ == "pobj" for g in child.children)):
                out.setdefault(low, (child,))  # (not "gave 20 million ECUs in aid": no "give in")
            for mod in (g for g in child.children if g.dep_ in ("compound", "amod") and g.i < child.i):
                out.setdefault(f"{lex.lemma_of(mod)} {low}", (mod, child))  # "fired tear gas", "declared martial law"
            if dep == "prt":
                for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
                    out.setdefault(f"{low} {lex.lemma_of(obj)}", (child, obj))  # "broke off relations", "weapons
                    # were handed in"
                for prep in (c for c in tok.children if c.dep_ == "prep"):
                    out.setdefault(f"{low} {prep.lower_}", (child, prep))  # "came out against the plan"
            for grand in child.children:
                if grand.dep_ in ("pobj", "dobj", "prep", "prt", "aux", "amod", "compound", "ccomp", "pcomp"):
                    glow = lex.lemma_of(grand)
                    out.setdefault(f"{low} {glow}", (child, grand))
                    for great in grand.children:
                        if great.dep_ in ("pobj", "dobj", "prep", "compound"):
                            out.setdefault(f"{low} {glow} {lex.lemma_of(great)}", (child, grand, great))
        if dep == "ccomp" and child.tag_.startswith("JJ"):
            out.setdefault(lex.lemma_of(child), (child,))  # "found a police chief guilty of murder"
        if dep in ("ccomp",):
            for grand in child.children:
                if grand.dep_ == "mark":
                    out.setdefault(grand.lower_, (grand,))
    for prep in (p for o in tok.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep" and p.i > o.i):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):  # "placed its artillery units on combat
            out.setdefault(f"{prep.lower_} {lex.lemma_of(pobj)}", (prep, pobj))  # readiness": hung on the object
    following = tok.doc[tok.i + 1:tok.i + 3]
    if len(following) == 2 and all(w.tag_[:2] in ("JJ", "NN") and tok.is_ancestor(w) for w in following):
        out.setdefault(" ".join(lex.lemma_of(w) for w in following), tuple(following))  # "fired tear gas and
        # stun grenades": the object the parser split ("tear" an adjective, "gas" a modifier of "grenades")
    return out


def _object_nouns(tok: Token) -> list[Token]:
    """The verb's object and the nouns compounded into it ("launched a mediation effort"), or a hyphenated
    noun the parser took for its modifier ("staged a sit-in outside parliament": "in" modifies "parliament")."""
    out = []
    for child in tok.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass"):
            out.append(child)
            out.extend(c for c in child.lefts if c.dep_ == "compound" or c.dep_ == "nmod" and hyphenated(c) != c.lower_)
            for of in (g for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"):  # "5 million dollars of aid"
                out.append(of)
                out.extend(c for c in of.lefts if c.dep_ == "compound")  # "the headquarters of the state oil
                # company PDVSA"
    return out


INCREASING = frozenset({"reinforce", "strengthen", "bolster", "fortify"})
FORCES = frozenset({"troop", "troops", "force", "forces", "army", "soldier", "soldiers", "police", "security", "defence",
                    "defences", "defense", "defenses", "presence", "position", "positions", "border", "borders",
                    "garrison", "garrisons", "unit", "units", "military", "patrol", "patrols", "navy", "fleet", "line",
                    "lines", "front", "checkpoint", "checkpoints", "base", "bases", "frontier", "contingent",
                    "reinforcements"})
MOVEMENT = frozenset({"into", "toward", "towards", "through", "across", "past", "beyond", "deeper", "forward", "ahead",
                      "inside", "onward", "onwards"})


REFLEXIVE = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"})
DESIGNATING = frozenset({"declare", "call", "name", "designate", "deem", "consider", "term", "dub"})  # not "brand" or
# "label": branding a newspaper a mouthpiece of foreign enemies accuses it


def _predicated(noun: Token) -> bool:
    """The noun says what the verb's object is: the object predicate ("what it calls Indian Air Force
    strikes"; not a time word the parser put there: "called Thursday on Arabs to unite") or the second of
    two objects ("declared Venezuela a threat")."""
    return noun.dep_ == "oprd" and not is_time_word(noun) or noun.dep_ == "dobj" and any(
        c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)


def designates(verb: Token, lex: Lexicon) -> bool:
    """A designating verb with an object predicate names or judges its object ("declared Venezuela a
    threat", "calling the attack a despicable act of terrorism", "what it calls Indian Air Force strikes"):
    no threat was made, no attack or strike called. "Called up 300,000 reservists" calls them up."""
    return lex.lemma(verb.text) in DESIGNATING and any(map(_predicated, verb.children)) \
        and not any(c.dep_ == "prt" for c in verb.children)


ENVOYS = frozenset({"delegation", "delegations", "envoy", "envoys", "emissary", "emissaries", "mission", "missions",
                    "team", "teams", "investigator", "investigators", "representative", "representatives",
                    "negotiator", "negotiators", "mediator", "mediators", "observer", "observers", "monitor", "monitors",
                    "inspector", "inspectors", "diplomat", "diplomats", "official", "officials", "minister", "ministers"})


def _sends_envoys(tok: Token, lex: Lexicon) -> bool:
    """"Amnesty sent a delegation to Chad to investigate reports of killings", "dispatched an envoy to
    Khartoum": sending people to look, talk or negotiate gives nothing (a team of doctors or relief is aid)."""
    objs = [next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj"), c) for c in tok.children if c.dep_ == "dobj"]  # "a team of teachers": teachers
    return bool(objs) and all(lex.lemma(o.text, noun=True) in ENVOYS or o.lower_ in ENVOYS for o in objs) and not any(
        t.lower_ in AID_GOODS | HELPERS for o in objs for t in o.subtree)


HURT = frozenset({"unconscious", "senseless", "death", "up"})


def _hurt(verb: Token) -> bool:
    """"beat an opposition candidate unconscious", "beaten to death", "beat up": violence, not a contest."""
    return any(w.lower_ in HURT for c in verb.children if c.dep_ in ("prt", "prep", "acomp", "oprd", "dobj", "advmod",
                                                                      "ccomp", "xcomp")
               for w in (c, *c.subtree))


def _own(verb: Token) -> frozenset[str]:
    """The possessives that may stand for the verb's own subject: "their" for a plural one."""
    subj = _subject(verb)
    if subj is not None and subj.tag_ in ("NNS", "NNPS"):
        return frozenset({"their"})
    return frozenset({"their", "his", "her", "its"})


def _objects_in(verb: Token, nouns: frozenset[str], lex: Lexicon) -> bool:
    """The verb's object (or, for a participle describing a noun, that noun) is one of `nouns`."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
    return bool(objs) and all(lex.lemma(o.text, noun=True) in nouns for o in objs)


def _war_on_no_party(verb: Token, war: Token, lex: Lexicon) -> bool:
    """"declared war on the mid-range segment", "war on poverty": what the war is "on" is no party (not a
    name, not a group of people: "declared war on Iraq", "on the rebels" are wars)."""
    targets = [g for p in (*war.children, *verb.children) if p.dep_ == "prep" and p.lower_ in ("on", "against")
               for g in p.children if g.dep_ == "pobj"]
    return bool(targets) and all(g.pos_ != "PROPN" and not g.text[:1].isupper() and lex.sector(g.lower_) is None
                                 for g in targets)


INQUIRING = frozenset({"investigate", "probe", "examine", "study", "review", "look"})


def other_sense(tok: Token, lemma: str, lex: Lexicon) -> bool:
    """The argument frame shows a sense of the verb that is no event: "tried to secure" is an attempt
    (not a trial), "negotiators return to Geneva" a journey (not a handover: that returns something),
    "rebels pushed into the city" a movement (not pressing someone: that pushes for something), "shot
    up" a rise, "kill time" an idiom, "declared Venezuela a threat" a judgement (designates), "the strikes
    were made possible" an enabling, "asked himself" wondering, "sent a delegation" a mission (no aid), "launched a lunar probe" a spacecraft."""
    deps = {c.dep_ for c in tok.children}
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "advmod")}
    if lemma in ("try", "seek"):  # "sought to manage tensions": an attempt, not a request
        return "xcomp" in deps
    if lemma in ("send", "dispatch") and _sends_envoys(tok, lex):
        return True
    if lemma in INQUIRING and any(c.dep_ == "dobj" and c.lower_ in ("cause", "causes") for c in tok.children):
        return True  # "would investigate the cause of the sinking": an inquiry into what happened, no one accused
    if lemma == "launch" and any(o.lower_ in ("probe", "probes") and any(m.lower_ in SPACECRAFT for m in o.children)
                                 for o in tok.children if o.dep_ in ("dobj", "nsubjpass")):
        return True  # "launched its first unmanned lunar probe": a spacecraft, not an investigation
    if designates(tok, lex):
        return True
    if lemma == "make" and any(c.dep_ in ("oprd", "ccomp", "acomp") and c.tag_.startswith("JJ") for c in tok.children):
        return True  # "the strikes had been made possible", "made new attacks impossible": enabling, not striking
    if lemma in ("ask", "question") and any(c.dep_ in ("dobj", "dative") and c.lower_ in REFLEXIVE for c in tok.children):
        return True  # "I was asking myself why ...": wondering, not a request
    if lemma == "return":
        return not deps & {"dobj", "nsubjpass", "dative"}
    if lemma == "push":  # pressing someone pushes *for* something or someone *to* do it
        if preps & MOVEMENT and "dobj" not in deps:
            return True  # "troops pushed into northern Iraq to hunt rebels": an advance with its purpose
        return not any(t.lower_ == "for" for t in tok.subtree if tok in (t.head, t.head.head)) \
            and not deps & {"xcomp", "ccomp"} and not _to_clause(tok)
    if lemma == "insist":  # "insist the levy is affordable": a claim, not a demand ("insist on", "insist they leave")
        return "on" not in preps and any(c.dep_ == "ccomp" and c.lower_ in COPULA and not any(
            a.lower_ in ("should", "must") for a in c.children) for c in tok.children)
    if lemma == "turn":  # "a footballer turned senator": a change, not turning someone down or away
        return not preps & {"down", "away", "back", "against"}
    if lemma == "hit" and any(c.dep_ == "dobj" and lex.lemma(c.text, noun=True) in OBSTACLES for c in tok.children):
        return True  # "the jet plunged 10,000 feet before hitting the Java Sea", "lost control and hit several cars"
    if lemma == "hit":  # "the eastern states were badly hit": hard times, not an attack
        return bool({c.lower_ for c in tok.children if c.dep_ == "advmod"} & {"badly", "hard", "hardest", "worst"})
    if lemma == "sink":  # "a submarine sank": the ship went down; sinking a ship takes an object
        return not deps & {"dobj", "nsubjpass", "agent"}
    if lemma in ("release", "publish"):  # "results released by the ministry": information, not a prisoner
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + ([tok.head] if tok.dep_ == "acl" else [])
        return any(o.lower_ in INFORMATION for o in objs)
    doers = [c for c in tok.head.children if c.dep_ == "nsubj"] + ([tok.head.head] if tok.head.dep_ == "acl" else [])
    if tok.tag_ == "VBG" and tok.dep_ == "advcl" and (lex.lemma(tok.head.text) in ACCIDENTS or any(
            lex.lemma(d.text, noun=True) in MISHAPS for d in doers)):
        return True  # "a helicopter crashed into a mountain, killing all 12 soldiers", "a fire swept through a
        # warehouse, killing 67": the crash or the fire killed them
    if lemma in ("kill", "injure", "wound") and _killed_by_mishap(tok, lex):
        return True  # "50 miners were killed in a methane explosion", "... killed when fire swept through a train"
    if lemma in ("talk", "speak") and any(lex.sector(g.lower_) == "media" for c in tok.children
                                          if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"):
        return True  # "not authorized to talk to the media": a statement to the press, not a meeting
    if lemma == "demonstrate":  # "demonstrated restraint", "demonstrated that ...": showing, not a protest
        return bool(deps & {"dobj", "ccomp", "nsubjpass"})
    if lemma == "fire":  # "fired nine staff members": a dismissal, not gunfire (that fires *on* someone or a weapon)
        return any(c.dep_ in ("dobj", "nsubjpass") and lex.lemma(c.text, noun=True) in EMPLOYEES for c in tok.children)
    if lemma == "drop":  # "the index dropped 1 per cent", "support dropped": a fall, not dropping charges
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        return not objs or all(lex.lemma(o.text, noun=True) in AMOUNTS or o.like_num for o in objs)
    if lemma == "ask":  # "was asked, 'Do you ...?'", "asked each other questions": a question, not a request
        return _asks_a_question(tok, lex)
    if lemma == "deliver":  # "delivered a speech", "delivered its verdict": words, not goods
        return any(c.dep_ in ("dobj", "nsubjpass") and lex.lemma(c.text, noun=True) in WORDS_DELIVERED
                   for c in tok.children)
    if lemma == "share" and any(c.dep_ in ("dobj", "nsubjpass") and lex.lemma(c.text, noun=True) in FEELINGS
                                for c in tok.children):
        return True  # "saying he shared their grief", "the two leaders share concerns": a feeling, not cooperation
    if lemma == "share":  # "a video shared widely on social media": posting, not sharing with a party
        return "with" not in preps and any(g.lower_ in PLATFORMS for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
                                           for g in c.subtree)
    if lemma == "engage":  # "engage with both countries": contact; "engaged the enemy", "engaged with rebels": combat
        return not _armed_context(tok, lex)
    if lemma == "shoot":  # "reliance on the program has shot up": a rise
        return "up" in preps and "dobj" not in deps
    if lemma == "close" and "in" in preps:  # "as rebel fighters closed in on the city": an advance, not a closure
        return True
    if lemma in ("fight", "combat", "battle", "tackle", "beat", "defeat") and any(
            c.dep_ in ("dobj", "nsubjpass") and lex.lemma(c.text, noun=True) in SCOURGES for c in tok.children):
        return True  # "to fight corruption", "beat inflation": a policy aim, no one is attacked; "fought off a challenge"
    if lemma in ("kill", "waste"):  # "to kill time"
        return any(c.dep_ == "dobj" and c.lower_ == "time" for c in tok.children)
    if lemma == "strike" and _objects_in(tok, STRUCK_NOTES, lex):
        return True  # "Vucic struck a different tone", "struck a balance", "struck a chord": an idiom, no blow
    if lemma == "sign" and _objects_in(tok, SIGNED_WORDS, lex):
        return True  # "the letter, signed by the archbishop", "signed a petition": words signed, no agreement
    if lemma == "meet" and _objects_in(tok, MET_TERMS, lex):
        return True  # "Iraq says it has met all its obligations", "failed to meet the deadline": no meeting
    if lemma == "commit":  # "committed genocide", "crimes committed by": a deed; a pledge commits someone or something *to*
        objs = _object_nouns(tok)
        return "to" not in preps and not deps & {"xcomp", "ccomp"} and not _to_clause(tok) and not _money(objs) \
            and not {lex.lemma(o.text, noun=True) for o in objs} & (FORCES | AID_GOODS)
    if lemma == "search":  # "searched for survivors", "search for the missing plane": a hunt; searching a place coerces
        return "for" in preps and not deps & {"dobj", "nsubjpass"}
    if lemma == "dismantle":  # "dismantled a drug smuggling network": breaking up a ring, not forces pulled back
        return any(c.dep_ in ("dobj", "nsubjpass") and lex.lemma(c.text, noun=True) in RINGS for c in tok.children)
    if lemma == "back" and tok.dep_ == "acl" and any(
            g.lower_ in WAR_MATERIEL | AIRCRAFT for a in tok.children if a.dep_ == "agent"
            for g in a.children if g.dep_ == "pobj"):
        return True  # "troops backed by warplanes and helicopter gunships": air cover, not political support
    objs = [next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj"), c) if c.lower_ in CROWDS else c
            for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]  # "thousands of illegal weapons": weapons
    if lemma == "destroy" and objs and all(lex.lemma(o.text, noun=True) in SEIZED_GOODS and not any(
            c.dep_ in ("poss", "compound", "amod") and (c.text[:1].isupper() or c.dep_ == "poss") for c in o.children)
            for o in objs):
        return True  # "police destroyed thousands of illegal weapons": disposal (not "destroyed Ukrainian weapons")
    if lemma in ("burn", "torch") and objs and all(any(c.dep_ == "poss" and c.lower_ in _own(tok) for c in o.children)
                                                    for o in objs):
        return True  # "women burned their headscarves at rallies": a protest gesture, no attack (not "militiamen
        # beat a candidate and torched his house")
    if lemma == "pull" and objs and not preps & {"out", "back", "away"} \
            and not {lex.lemma(o.text, noun=True) for o in objs} & (FORCES | WAR_MATERIEL):
        return True  # "worked through the night to pull survivors from collapsed blocks": no forces pulled back
    if lemma in ("patrol", "station", "garrison", "guard") and tok.dep_ == "acl" and tok.tag_ == "VBN":
        return True  # "a buffer zone patrolled by United Nations troops": a standing arrangement, no act
    if lemma == "train" and tok.tag_ == "VBN" and not deps & {"dobj", "nsubjpass"} and preps & {"at", "in"}:
        return True  # "an economist trained at the London School of Economics": an education, no military aid
    if lemma == "rule" and "out" in preps and "as" in preps:  # "ruling out guerrilla fire as the cause": a finding
        return True
    if lemma == "take" and "over" in preps and "as" in preps:  # "took over as chief of the army": an appointment
        return True
    if lemma == "admit" and "to" in preps and not deps & {"dobj", "ccomp", "xcomp"} and not any(
            g.dep_ == "pcomp" for c in tok.children if c.lower_ == "to" for g in c.children):
        return True  # "was admitted to hospital" (not "admitted to using cluster munitions")
    if lemma == "meet" and _with_force(tok):  # "meet any provocation with force": a response, not a meeting
        return True
    if lemma == "settle":  # "planned to settle at Swakopmund", "settled in Canada": a home, not a settlement
        return not deps & {"dobj", "nsubjpass"} and bool(preps & {"in", "at", "near", "into", "down"})
    return False


OBSTACLES = frozenset({"sea", "ground", "water", "mountain", "mountainside", "hillside", "tree", "trees", "wall", "runway",
                       "iceberg", "reef", "car", "cars", "vehicle", "vehicles", "bus", "lorry", "truck", "barrier",
                       "pole", "bridge", "pylon", "rock", "rocks"})
FEELINGS = frozenset({"grief", "sorrow", "pain", "concern", "concerns", "sympathy", "sadness", "joy", "view", "views",
                      "vision", "value", "values", "belief", "beliefs", "opinion", "opinions", "feeling", "feelings",
                      "frustration", "anger", "fear", "fears", "hope", "hopes", "worry", "worries", "outrage"})
SIGNED_WORDS = frozenset({"letter", "petition", "statement", "book", "autograph", "condolence", "card", "photograph",
                          "shirt", "jersey", "guestbook", "register", "visitors"})
MET_TERMS = frozenset({"obligation", "target", "condition", "requirement", "deadline", "criterion", "criteria",
                       "standard", "need", "expectation", "goal", "commitment", "cost", "threshold", "quota"})
STRUCK_NOTES = frozenset({"tone", "note", "chord", "balance", "pose", "posture", "figure", "match"})
RINGS = frozenset({"network", "ring", "cell", "gang", "racket", "cartel", "syndicate", "operation", "scheme"})
SCOURGES = frozenset({"corruption", "poverty", "inflation", "crime", "disease", "hunger", "fire", "fires", "flame",
                      "blaze", "wildfire", "cancer", "malaria", "virus", "pandemic", "unemployment", "fraud", "drought",
                      "misinformation", "disinformation", "obesity", "addiction", "climate", "illiteracy", "graft",
                      "challenge", "bid", "competition"})  # also "fought off a late challenge": a contest
INFORMATION = frozenset({"result", "results", "figure", "figures", "data", "report", "statement", "video", "footage",
                         "detail", "details", "list", "document", "documents", "album", "film", "book", "song",
                         "photo", "photos", "image", "images", "recording", "transcript", "findings", "guidance",
                         "indicator", "indicators", "statistics", "estimate", "estimates", "forecast", "survey",
                         "minutes", "numbers", "earnings", "index", "update", "version", "app", "trailer"})
EMPLOYEES = frozenset({"staff", "employee", "worker", "member", "official", "aide", "manager", "coach", "director",
                       "executive", "chief", "minister", "adviser", "advisor", "head", "secretary", "editor",
                       "teacher", "player", "ceo", "chairman", "spokesman", "spokeswoman", "people"})
AMOUNTS = frozenset({"percent", "cent", "%", "point", "percentage", "level", "low", "high", "place", "spot", "rank"})
WORDS_DELIVERED = INFORMATION | {"speech", "address", "remark", "lecture", "sermon", "verdict", "ruling", "judgment",
                                 "judgement", "justice", "message", "letter", "keynote", "eulogy", "performance",
                                 "promise", "blow", "budget", "warning", "ultimatum", "baby", "news", "talk",
                                 "presentation", "testimony", "win", "victory", "goal"}
PLATFORMS = frozenset({"media", "platform", "platforms", "facebook", "twitter", "x", "instagram", "telegram", "tiktok",
                       "youtube", "whatsapp", "website", "websites", "internet", "online", "weibo", "wechat"})
QUESTIONS = frozenset({"question", "questions", "query", "queries"})


def _asks_a_question(tok: Token, lex: Lexicon) -> bool:
    """The verb asks a question rather than for something: its object or the noun it describes is a
    question ("asked each other questions", "the question asked of the court"), or the clause it
    reports is one ("was asked, 'Do you feel any guilt?'", "asked whether the talks would resume")."""
    asked = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + ([tok.head] if tok.dep_ in ("acl", "relcl") else [])
    if any(lex.lemma(a.text, noun=True) in QUESTIONS for a in asked):
        return True
    for clause in (c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj")):
        words = list(clause.subtree)
        after = tok.doc[words[-1].i + 1] if words[-1].i + 1 < len(tok.doc) else None
        if words[0].lower_ in ("whether", "if", "why", "how", "what", "when", "who", "where") \
                and words[0].dep_ in ("mark", "advmod", "nsubj", "dobj", "attr") \
                or words[0].dep_ == "aux" and words[0].lower_ != "to" or after is not None and after.text == "?":
            return True  # "asked whether ...", "asked, 'Do you ...'", "asked, 'Will you ... ?'"
    deps = {c.dep_ for c in tok.children}
    return "auxpass" in deps and not deps & {"xcomp", "ccomp", "dobj"} and not any(
        c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)  # "when he was asked, 'Will you ...?'"


def _armed_context(tok: Token, lex: Lexicon) -> bool:
    """The verb's subject or object is an armed force or group, or the sentence speaks of weapons."""
    parties = [c for c in tok.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    if any(lex.sector(p.lower_) in ("military", "rebel", "police") for p in parties):
        return True
    return bool({t.lower_ for t in tok.doc} & MILITARY_WORDS)


ACCIDENTS = frozenset({"crash", "sink", "capsize", "derail", "collapse", "overturn", "plunge", "crash-land", "collide",
                       "skid", "topple"})
MISHAPS = frozenset({"explosion", "blast", "fire", "blaze", "inferno", "crash", "accident", "collapse", "flood",
                     "floods", "flooding", "earthquake", "quake", "stampede", "derailment", "landslide", "mudslide",
                     "storm", "avalanche", "collision", "disaster", "mishap", "eruption", "tsunami", "cyclone",
                     "hurricane", "typhoon", "tornado", "leak", "flames", "water", "waters", "heat", "cold",
                     "rain", "rains", "downpour", "mudslides", "landslides", "snow", "wind", "winds",
                     "crush", "wildfire", "wildfires", "drought", "wave", "waves", "lightning", "smoke"})
ARMED = frozenset({"bomb", "car", "suicide", "rocket", "missile", "mortar", "grenade", "shell", "artillery", "drone",
                   "ied", "landmine", "roadside", "mine", "booby", "truck", "shelling", "bombing", "attack"})


ACCIDENTAL_CAUSES = frozenset({"methane", "gas", "boiler", "chemical", "industrial", "electrical", "fuel", "firework",
                               "fireworks", "dust", "pipeline", "reactor", "accidental", "forest", "bush", "house"})


def _into_the_sea(tok: Token, lex: Lexicon) -> bool:
    """The weapon fired lands in the sea ("into waters off the ports", "into the Sea of Japan", "a missile that
    ... fell into the Pacific"), and the clause names no one it was fired at."""
    if any(c.dep_ == "prep" and c.lower_ in ("at", "on", "against") and not time_phrase(c) for c in tok.children):
        return False
    return any(t.dep_ == "pobj" and t.head.lower_ in ("into", "in", "off") and t.lower_ in WATERS for t in tok.subtree)


def _killed_by_mishap(verb: Token, lex: Lexicon) -> bool:
    """Killed in a mishap, with no one named who killed: "were killed in a methane explosion at the coal mine",
    "were killed when fire swept through a crowded train", "were killed when their helicopter crashed" (not
    "in a car bomb explosion", "in an attack", nor "killed by gunmen")."""
    if verb.dep_ == "conj" and verb.head.tag_ == "VBN" and _killed_by_mishap(verb.head, lex):
        return True  # "24 were killed and 31 injured when a bus plunged": the injuries too
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by", "during")):
        for cause in (g for g in prep.children if g.dep_ == "pobj"):
            mods = {m.lower_ for m in cause.children if m.dep_ in ("compound", "amod", "nmod")}
            if lex.lemma(cause.text, noun=True) in MISHAPS and not mods & ARMED:
                return True
    conjoined = [c for c in verb.children if c.dep_ == "conj"]  # "were killed and 31 injured when a bus plunged"
    for clause in (c for v in (verb, *conjoined) for c in v.children if c.dep_ == "advcl"):
        if not any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in clause.children):
            continue
        args = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]  # "when torrential rain
        if lex.lemma(clause.text) in ACCIDENTS or any(lex.lemma(a.text, noun=True) in MISHAPS for a in args):
            return True  # triggered mudslides"
    return False


COPULA = frozenset({"is", "are", "was", "were", "be", "been", "'s", "'re"})
SCORE = re.compile(r"(?<!voted )(?<!votes )(?<!vote of )(?<!margin of )"  # "voted 13-0 to impose": a vote, no match
                   r"\b\d{1,3} ?[-–] ?\d{1,3}\b(?! (?:percent|per cent|%|vote))|\bon penalties\b"
                   r"|\b\d{1,3}(?:st|nd|rd|th)[- ]minute\b")  # "fired home in the 78th minute"
PEACEKEEPING = frozenset({"peacekeeping", "peacekeepers", "peacekeeper", "peace-keeping"})


ASSEMBLING = frozenset({"fill", "throng", "pack", "gather", "pour", "flood", "converge", "mass", "swarm", "occupy"})
DISRUPTING = frozenset({"disrupt", "interrupt", "heckle", "glue", "chain", "padlock", "superglue", "paralyse", "paralyze",
                        "cripple", "surround"})  # protest tactics
LAUNCHES = frozenset({"fire", "launch", "shoot"})
WATERS = frozenset({"sea", "seas", "waters", "ocean", "pacific", "atlantic"})
NUCLEAR = frozenset({"nuclear", "atomic", "missile", "weapons", "weapon"})
TESTING = frozenset({"test", "unveil"})  # "tested a ballistic missile", "unveiled a new missile": a show of force
SHRINKING = frozenset({"reduce", "cut", "downsize", "scale", "thin", "halve"})  # "reduced its troop presence"
RIOTING = frozenset({"rioter", "rioters", "protester", "protesters", "protestor", "protestors", "demonstrator",
                     "demonstrators", "crowd", "crowds", "mob", "mobs"})
ACTIVISTS = frozenset({"activist", "activists", "campaigner", "campaigners"})


UNSAID = frozenset({"comment", "elaborate", "say", "confirm", "speculate", "discuss", "answer"})
PLEAS = frozenset({"guilty", "innocent", "contest"})
RIGHTS = frozenset({"right", "rights", "freedom", "freedoms", "liberty",  # and what one is bound to do:
                    "obligation", "obligations", "duty", "duties", "requirement", "responsibility"})


def entitled(tok: Token) -> bool:
    """What a right, a freedom or a duty is to, not its use: "respected the right to protest", "Israel has
    an obligation as an occupying power to allow and facilitate humanitarian assistance" (the parser hangs
    "to allow" on "power"; "assistance" is in the same clause)."""
    verb = clause_verb(tok)
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head
    if verb is None or verb.dep_ not in ("acl", "xcomp"):
        return False
    head = verb.head
    return head.lower_ in RIGHTS or head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.lower_ in RIGHTS


ANONYMITY = frozenset({"identified", "named", "anonymity", "anonymous", "pseudonym", "identify", "name"})
PREVENTING = frozenset({"keep", "prevent", "stop", "bar", "block", "ban", "deter", "discourage", "prohibit", "restrain"})


def _prevented(verb: Token, lex: Lexicon) -> bool:
    """"The dispute has kept the two countries from signing a peace treaty": neither the signing nor
    the treaty happened."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "from" and lex.lemma(verb.head.head.text) in PREVENTING


PERFECT = frozenset({"has", "have", "had", "having", "'ve", "'d"})  # before a participle the parser took for an adjective


def _no_act(tok: Token, lemma: str, lex: Lexicon) -> bool:
    """Verb forms that report no act: "declined to comment" (a statement, CAMEO 01), "Asked about the
    journalists, a spokesman said ..." (the question is the reporter's), "pleaded not guilty" (a plea in
    court), "the visiting prime minister" (a description of the person), an act prevented, a right, a
    manner ("as required"), a source's wish for anonymity, a lull."""
    if lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and lex.lemma(c.text) in UNSAID for c in tok.children):
        return True
    if lemma == "ask" and tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True
    if _prevented(tok, lex):
        return True
    if entitled(tok):
        return True
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and any(m.dep_ == "mark" and m.lower_ == "as" for m in tok.children):
        return True  # "had not withdrawn weapons as required under the deal": a manner, not a demand made
    if lemma == "plead" and any(c.dep_ in ("acomp", "dobj", "advmod", "oprd") and c.lower_ in PLEAS for c in tok.children):
        return True  # "pleaded not guilty to the charges": a defendant's answer in court, not a request
    if lemma in ("ask", "request") and any(t.lower_ in ANONYMITY for t in tok.subtree if t.i > tok.i):
        return True  # "who asked to be identified only as Abu Khaled", "requested anonymity": how a source is named
    if lemma == "appeal" and any(g.lower_ in ("witnesses", "witness", "information") for c in tok.children
                                 if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"):
        return True  # "police are appealing for witnesses": routine police work, not a political request
    if _lull(tok, lex):
        return True
    if tok.dep_ == "amod" and tok.tag_ == "VBN":  # "a jailed activist", "wounded civilians" (not "had massed tanks")
        return tok.i == 0 or tok.doc[tok.i - 1].lower_ not in PERFECT
    return tok.tag_ == "VBG" and tok.dep_ == "amod"


def _scored(tok: Token) -> bool:
    """A score right after a hostile verb or its object makes it a match: "destroyed Leeds 5-0", "were
    edged 2-1" (only hostile verbs are asked: "rejected the bill 52-48" is a vote)."""
    return any(SCORE.match(tok.doc[i + 1:i + 4].text) for i in [tok.i] + [c.i for c in tok.children if c.dep_ == "dobj"])


def classify_verb(tok: Token, lex: Lexicon) -> Trigger | None:
    """The verb's event type (phrase, light verb + noun, or lemma), or None when it codes none."""
    lemma = lex.lemma(tok.text)
    if lemma in CONTEST_VERBS and (any(t.lower_ in ELECTORAL for t in tok.doc) or SCORE.search(tok.doc.text)) \
            and not _hurt(tok):
        return None  # "the pathway to beating Trump" is an election race, "beating Senegal 3-2" a match
    visit = _visit(tok, lemma, lex)  # before other_sense: "negotiators return to Geneva for talks"
    if visit is not None:
        return visit
    if tok.dep_ != "amod" and any(c.dep_ == "advmod" and c.lower_ in JOINT for c in tok.children) \
            and _subject(tok) is not None:
        return Trigger(tok, "COOPERATE", None, (tok,))  # "Egypt and Sudan have been jointly managing the Nile"
    if other_sense(tok, lemma, lex) or _no_act(tok, lemma, lex):
        return None
    if lemma in PREVENTING and any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pcomp" for g in c.children) for c in tok.children):
        return Trigger(tok, "COERCE", None, (tok,))  # "police stopped protesters from marching", "barred journalists from entering"
    if lemma in ASSEMBLING and _rioting_subject(tok, lex) and any(c.dep_ in ("dobj", "prep") for c in tok.children):
        return Trigger(tok, "PROTEST", None, (tok,))  # "huge crowds filled the square", "protesters thronged the streets"
    weapons = {lex.lemma(o.text, noun=True) for o in _object_nouns(tok)} & WEAPON_TESTS
    if (hyphenated(tok).startswith("test-") or lemma in TESTING) and weapons \
            or lemma in LAUNCHES and weapons and _into_the_sea(tok, lex):
        return Trigger(tok, "MOBILIZE", "test", (tok,))  # "test-fired a nuclear-capable missile", "fired missiles
        # into waters off Keelung", "launched a missile that fell into the Pacific": a show of force, no target hit
    if lemma in ("conduct", "carry", "stage") and any(
            lex.lemma(o.text, noun=True) == "test" and any(m.lower_ in NUCLEAR for m in o.children) for o in _object_nouns(tok)):
        return Trigger(tok, "MOBILIZE", "test", (tok,))  # "carried out five underground nuclear tests"
    if lemma in DISRUPTING and (_rioting_subject(tok, lex, ACTIVISTS) or _protesting_subject(tok, lex)):
        return Trigger(tok, "PROTEST", None, (tok,))  # "protesters disrupted a West End performance", "glued themselves"
    if lemma in ANSWERING and _with_force(tok):
        return Trigger(tok, "ASSAULT", None, (tok,))  # "would answer any Indian attack with full force": a response
        # in arms (a threat while it is future)
    trig = _arrival(tok, lemma, lex) or _classify_verb(tok, lemma, lex)
    if trig is None or trig.type in HOSTILE and _scored(tok):
        return None
    drill = next((w for w in trig.words[1:] if lex.lemma(w.text, noun=True) in EXERCISES), None)
    if drill is not None and trig.type in ("COOPERATE", "MOBILIZE"):  # "held (joint) exercises"
        return Trigger(tok, "COOPERATE" if _held_together(drill) else "MOBILIZE", None, trig.words)
    if trig.type == "MOBILIZE" and any(t.lower_ in PEACEKEEPING for t in tok.subtree):
        return Trigger(tok, "AID", "peacekeeping", trig.words)  # troops sent to join a peacekeeping force
    if trig.type == "COERCE" and _protesting_subject(tok, lex) and not _seizes_goods(tok, lex) \
            or trig.type == "SANCTION" and _protest_as_subject(tok, lex):
        return Trigger(tok, "PROTEST", None, trig.words)  # strikers shutting a port, a strike closing a city or
        # halting trains
    if trig.type in ("ASSAULT", "COERCE") and _rioting_subject(tok, lex):
        return Trigger(tok, "PROTEST", "riot", trig.words)  # "rioters torched cars", "crowds stoned police vehicles"
    if trig.type not in HOSTILE and _in_protest(tok):
        return Trigger(tok, "PROTEST", None, trig.words)  # "prisoners refused food in protest at ..."
    if lemma == "flee" and not _fleeing_party(tok, lex):
        return None  # "I fled the war in Ukraine", "students fled to the Emirates": displacement, no retreat
    if trig.type == "RETREAT" and lemma != "flee" and _civilian_subject(tok, lex):
        return Trigger(tok, "CONCEDE", None, trig.words)  # "students ended their occupation": protesters yield
    if lemma in GIVING and trig.mode != "economic" and any(lex.lemma(c.text, noun=True) in AID_GOODS
                                                           for c in _object_nouns(tok)):
        return Trigger(tok, "AID", None, trig.words)  # handing over medicine is aid, not a concession (fuel oil
        # shipped as trade stays economic cooperation)
    return trig


REACHING = frozenset({"reach", "cross", "enter"})
# verbs the rules give a type by their arguments though the lexicon gives them none: the sentence prefilter
# must let their sentences through ("Huge crowds filled the square", "Belarus barred the opposition
# candidate from running", "India test-fired a missile", "reduced its troop presence")
TYPED_BY_RULES = ASSEMBLING | PREVENTING | REACHING | DISRUPTING | TESTING | SHRINKING | {"join"}
ARMS_HANDED = frozenset({"weapon", "weapons", "arms", "rifle", "rifles", "gun", "guns", "grenade", "grenades",
                         "ammunition", "explosives"})
VESSELS = frozenset({"boat", "boats", "vessel", "vessels", "ship", "ships", "equipment"})
JUSTICE = frozenset({"tribunal", "court", "prosecutors", "interpol", "icc"})
STAGING_GROUNDS = frozenset({"base", "bases", "airspace", "airfield", "airfields", "port", "ports", "harbour", "harbor",
                             "harbours", "harbors", "airport", "airports", "facilities"})
NOTES = frozenset({"note", "notes", "letter", "letters"})


def _note_of_protest(noun: Token) -> bool:
    """"delivered a formal note of protest to Bogota": a state's formal complaint (ACCUSE), no demonstration."""
    return noun.lower_ == "protest" and noun.head.lower_ == "of" and noun.head.head.lower_ in NOTES


MONITORS = frozenset({"monitors", "observers", "peacekeepers", "inspectors"})
REDEPLOYING = frozenset({"redeploy", "move", "pull", "withdraw", "relocate", "shift"})
ROUTES = frozenset({"route", "routes", "road", "roads", "corridor", "corridors", "highway", "airport", "crossing",
                    "crossings"})
TROOP_KINDS = frozenset({"paratroopers", "marines", "commandos", "legionnaires", "peacekeepers"})
PROPPING = frozenset({"bolster", "shore", "prop", "protect", "defend", "support", "help", "back"})
REGIMES = frozenset({"government", "regime", "president", "ally", "allies", "authorities", "leader"})


def _propping_up(tok: Token, lex: Lexicon) -> bool:
    """Forces sent to bolster, shore up or defend a government: military aid (CAMEO 0712, 074), not a show of force."""
    aims = [c for c in tok.children if c.dep_ in ("xcomp", "advcl")]
    aims += [g for c in aims for g in c.children if g.dep_ == "conj" and g.tag_.startswith("VB")]  # "to secure the
    # airport and shore up the government"
    return any(lex.lemma(c.text) in PROPPING and any(o.lower_ in REGIMES for o in c.subtree if o.dep_ in ("dobj", "pobj"))
               for c in aims)


RESERVISTS = frozenset({"reservist", "reservists", "conscript", "conscripts", "recruits", "militiamen"})
# forces sent somewhere ("deploy" is MOBILIZE itself)
DISPATCHING = frozenset({"send", "dispatch", "move", "rush", "bring"})


def _arrival(tok: Token, lemma: str, lex: Lexicon) -> Trigger | None:
    """"Some 300 French troops arrived in Bamako", "the first peacekeepers flew into Monrovia": armed
    forces reaching a named place are deployed there (peacekeepers bring aid, see classify_verb); "an
    air force C-17 landed in Yangon with tents and medicines" brings aid; so does any convoy, ship or
    plane that carries relief and reaches a place ("a UN convoy carrying flour reached the besieged town",
    "a convoy of lorries carrying medical supplies crossed into northern Gaza")."""
    if lemma not in ARRIVING | REACHING:
        return None
    subj = _subject(tok, active_only=True)
    if subj is not None and any(lex.lemma(t.text, noun=True) in AID_GOODS for t in subj.subtree
                                if t.dep_ not in ("nsubj", "compound", "amod", "poss")) \
            and any(c.dep_ in ("dobj", "prep") for c in tok.children):  # not "the grain harvest reached 211m tonnes"
        return Trigger(tok, "AID", "humanitarian", (tok,))
    if lemma not in ARRIVING or subj is None or not any(lex.sector(t.lower_) == "military" or t.lower_ in PEACEKEEPING
                                                         for t in subj.subtree):
        return None
    if any(t.lower_ in HELPERS for t in subj.subtree):  # "a brigade of Cuban doctors arrived in Lombardy"
        return Trigger(tok, "AID", "humanitarian", (tok,))
    if not any(c.dep_ == "prep" and c.lower_ in ("in", "into") and any(g.dep_ == "pobj" and g.tag_ == "NNP"
                                                                       for g in c.children) for c in tok.children):
        return None
    if any(lex.lemma(t.text, noun=True) in AID_GOODS for t in tok.subtree):
        return Trigger(tok, "AID", "humanitarian", (tok,))
    return Trigger(tok, "MOBILIZE", "troops", (tok,))


TRAVELLING = frozenset({"fly", "travel", "arrive", "go", "come", "head", "jet", "return", "land", "journey"})
VISITS = frozenset({"talks", "talk", "visit", "meeting", "meetings", "negotiations", "summit", "consultations",
                    "discussions", "tour", "mediation"})


def _visit(tok: Token, lemma: str, lex: Lexicon) -> Trigger | None:
    """"The foreign minister flew into Islamabad for two days of talks", "the vice-president flew to
    Tehran on the first leg of a regional tour", "negotiators return to Geneva for talks": travelling
    somewhere for talks or on a visit is the visit (CONSULT), whoever the talks are with."""
    if lemma not in TRAVELLING or _subject(tok) is None:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "on")):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            chain = [obj] + [n for o in obj.children if o.dep_ == "prep" and o.lower_ == "of"
                             for n in o.children if n.dep_ == "pobj"]  # "two days of talks", "the first leg of a tour"
            noun = next((n for n in chain if n.lower_ in VISITS), None)
            if noun is not None:
                return Trigger(tok, "CONSULT", "visit", (tok, noun))
    return None


INDIVIDUALS = frozenset({"missionary", "missionaries", "journalist", "journalists", "correspondent", "correspondents",
                         "national", "nationals", "citizen", "citizens", "immigrant", "immigrants", "migrant",
                         "migrants", "student", "students", "worker", "workers", "tourist", "tourists", "priest",
                         "priests", "activist", "activists", "family", "families", "businessman", "businessmen"})
BODIES = frozenset({"agency", "agencies", "organisation", "organisations", "organization", "organizations", "mission",
                    "missions", "diplomat", "diplomats", "ambassador", "envoy", "personnel", "staff", "inspector",
                    "inspectors", "monitor", "monitors", "observer", "observers", "peacekeeper", "peacekeepers",
                    "embassy", "unhcr", "ngo", "ngos", "charity", "charities", "group", "groups", "team", "teams"})
POPULATIONS = frozenset({"refugee", "refugees", "villager", "villagers", "resident", "residents", "civilian", "civilians",
                         "population", "inhabitants", "people", "families", "family", "thousands", "tens", "hundreds",
                         "minority", "minorities", "community", "communities"})
FREEDOMS = frozenset({"election", "elections", "referendum", "opposition", "party", "parties", "rally", "rallies",
                      "demonstration", "demonstrations", "protest", "protests", "strike", "strikes", "union", "unions",
                      "press", "newspaper", "newspapers", "worship"})
DEADLINES = frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "deadline", "ultimatum"})


PROPOSALS = frozenset({"package", "deal", "resolution", "proposal", "bill", "plan", "decision", "measure", "motion",
                       "agreement", "accord", "nomination", "appointment", "statement", "draft", "budget"})
PUBLIC_PLACES = frozenset({"highway", "highways", "road", "roads", "street", "streets", "neighbourhood", "neighbourhoods",
                           "neighborhood", "neighborhoods", "district", "districts", "square", "plaza", "university",
                           "universities", "campus", "campuses", "school", "schools", "town", "city", "market", "markets",
                           "mosque", "mosques", "church", "churches", "shops"})
TRANSFERS = frozenset({"transfer", "transfers", "payment", "payments", "revenue", "revenues", "remittances", "funds",
                       "shipments", "deliveries", "disbursement", "disbursements", "tranche"})
CREDENTIALS = frozenset({"accreditation", "accreditations", "credentials", "visas", "visa"})
MEDIATING = frozenset({"mediator", "mediators", "facilitator", "facilitators", "mediation", "broker", "go-between"})
RALLY_CALLS = frozenset({"urge", "call", "appeal", "ask", "lobby", "press", "exhort", "encourage"})
RALLYING = frozenset({"rally", "mobilize", "mobilise", "unite"})  # "mobilised church leaders behind the campaign"
UNITING = frozenset({"unite", "mobilize", "mobilise", "rally", "stand", "band", "close", "join", "form"})
BACKING = frozenset({"support", "back", "endorse"})
OPPOSING = frozenset({"isolate", "oppose", "resist", "boycott", "topple", "oust", "overthrow", "defeat", "condemn"})
# "to join a worldwide campaign to isolate the apartheid regime": rallying opposition to it


def _side_taken(tok: Token, lemma: str, lex: Lexicon) -> Trigger | None:
    """Asking others to take a side is taking it: "urged the European Community to support the PLO" rallies
    support for the PLO (SUPPORT, CAMEO 053), "called on Arabs to unite against Sharon" rallies opposition
    to him (ACCUSE, CAMEO 113); so does "launched a campaign to rally public support against the bid".
    The request's addressees are among the action words: the side taken is the recipient, not they."""
    if lemma in RALLYING:
        rallied = [o for o in tok.children if o.dep_ == "dobj"]
        behind = [p for n in (tok, *rallied) for p in n.children if p.dep_ == "prep" and p.lower_ in ("behind", "around")]
        party = _subject_sector(tok, lex) not in (None, "civilian")
        if behind and (rallied or party):  # "rallied its member states behind a Palestinian bid", "the ANC rallied
            return Trigger(tok, "SUPPORT", None, (tok, behind[0]))  # behind Mugabe" (a crowd rallying demonstrates)
        backing = [o for o in tok.children if o.dep_ == "dobj" and o.lower_ in ("support", "backing", "opposition")]
        if not backing or lemma != "rally":
            return None
        against = backing[0].lower_ == "opposition" or any(
            p.dep_ == "prep" and p.lower_ == "against" for n in (tok, backing[0]) for p in n.children)
        return Trigger(tok, "ACCUSE" if against else "SUPPORT", None, (tok, backing[0]))
    if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in tok.children):
        return None  # "called his counterpart to discuss ...": a phone call
    for clause in (c for c in tok.children if c.dep_ in ("xcomp", "advcl", "ccomp")
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
        verbs = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.tag_.startswith("VB"))]
        lemmas = {lex.lemma(v.text) for v in verbs}
        against = any(p.dep_ == "prep" and p.lower_ == "against" for v in verbs
                      for n in (v, *(o for o in v.children if o.dep_ == "dobj")) for p in n.children)
        backed = [o for v in verbs for o in v.children if o.dep_ == "dobj"]
        hostile_aim = any(lex.lemma(t.text) in OPPOSING for v in verbs for t in v.subtree if t.tag_.startswith("VB"))
        etype = "ACCUSE" if lemmas & {"oppose", "resist"} or lemmas & UNITING and (against or hostile_aim) \
            else "SUPPORT" if lemmas & BACKING and any(_a_party(o, lex) for o in backed) else None
        if etype is not None:
            addressed = [c for c in tok.children if c.dep_ in ("dobj", "dative")] + [
                g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children
                if g.dep_ == "pobj"]
            return Trigger(tok, etype, None, (tok, clause, *(t for a in addressed for t in a.subtree)))
    return None


def _a_party(noun: Token, lex: Lexicon) -> bool:
    """A named party or a group of a known sector, or what one owns ("Lebanon's bid"); not "the peace plan"."""
    return any(n.tag_.startswith("NNP") or lex.sector(n.lower_) is not None
               for n in (noun, *(c for c in noun.children if c.dep_ == "poss")))


SETTLED_BY_ARGUMENTS = ARGUMENT_VERBS | SHRINKING | RALLY_CALLS | RALLYING | REDEPLOYING | {
    "withdraw", "boycott", "expel", "force", "set", "block", "receive", "sign", "conclude", "turn", "summon", "join",
    "reopen", "deploy", "fly", "abandon", "quit", "freeze", "drop", "close", "shut", "seal", "abrogate", "terminate",
    "cancel", "annul", "return", "restore", "declare"}  # also triggers on their own
# heads of a diplomatic mission and their staff: summoned, they hear a protest; withdrawn or recalled, they
# mark reduced relations (not ENVOYS, who are sent on a mission)
HEADS_OF_MISSION = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "charge",
                              "chargé", "attache", "attaché"})
MEASURES = frozenset({"bill", "bills", "law", "laws", "decree", "decrees", "reform", "reforms", "tax", "taxes", "levy",
                      "plan", "plans"})  # what a government scraps under pressure
PUBLICATIONS = frozenset({"publication", "broadcast", "broadcasts", "broadcasting", "transmission", "transmissions"})
SHUTDOWNS = frozenset({"closure", "closing", "shutdown", "dissolution", "suspension", "disbanding"})
PACTS = frozenset({"treaty", "pact", "agreement", "accord", "declaration", "charter"})
GOODWILL = frozenset({"friendship", "neighbourliness", "neighborliness", "amity"})


def _by_arguments(tok: Token, lemma: str, lex: Lexicon) -> Trigger | None:
    """Verbs whose type the arguments settle before the lexicon does (CAMEO's distinctions)."""
    if lemma not in SETTLED_BY_ARGUMENTS:
        return None  # most verbs: nothing to look at (this runs for every verb of every candidate sentence)
    objs = _object_nouns(tok)
    obj_words = {lex.lemma(o.text, noun=True) for o in objs} | {o.lower_ for o in objs}
    subj = _subject(tok)
    if subj is None and tok.dep_ == "xcomp":  # "troops began leaving": the subject of the verb it completes
        subj = _subject(tok.head, active_only=True)
    subj_sector = lex.sector(subj.lower_) if subj is not None else None
    subtree = {t.lower_ for o in objs for t in o.subtree} | {g.lower_ for c in tok.children if c.dep_ == "prep"
                                                             for g in c.subtree}
    side = _side_taken(tok, lemma, lex) if lemma in RALLY_CALLS or lemma in RALLYING else None
    if side is not None:
        return side
    if lemma in REVERSING | {"abrogate", "terminate", "cancel", "annul", "suspend"} and obj_words & PACTS \
            and subj_sector not in ("civilian",):
        return Trigger(tok, "SANCTION", None, (tok, *objs[:1]))  # "Seoul's decision to scrap its military
        # intelligence-sharing pact with Tokyo", "abrogated the 1975 treaty": relations reduced
    if lemma in ("sign", "conclude") and obj_words & PACTS and subtree & GOODWILL:
        return Trigger(tok, "SUPPORT", None, (tok, *objs[:1]))  # "signed a treaty of friendship and cooperation"
    if lemma in ("suspend", "ban", "close", "shut") and (obj_words & PUBLICATIONS or any(
            lex.sector(o.lower_) == "media" for o in objs)):
        return Trigger(tok, "COERCE", "censor", (tok, *objs[:1]))  # "suspended publication of the daily El Watan"
    if lemma in HALTING and any(_noun_type(o, lex) == "ASSAULT" for o in objs):
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "halted its bombing", "suspended air strikes"
    if (lemma in REVERSING or lemma in HALTING) and any(c.dep_ == "dobj" and c.lower_ == "state" for c in tok.children):
        return Trigger(tok, "CONCEDE", "ease", (tok, *objs[:1]))  # "lifted the state of siege", "ended the state of
        # emergency": an emergency rule eased (CAMEO 0812), not a military blockade
    if (lemma in REVERSING or lemma in HALTING) and obj_words & SIEGES:
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "lifted its siege of the city": CAMEO 0872, de-escalation
    if (lemma in REVERSING or lemma in HALTING) and any(_noun_type(o, lex) in ("COERCE", "SANCTION") for o in objs):
        return Trigger(tok, "CONCEDE", "ease", (tok, *objs[:1]))  # "reversed its ban", "ended the curfew"
    if lemma in HALTING and any(_noun_type(o, lex) == "PROTEST" for o in objs):
        if subj_sector in STATE_SECTORS:
            return Trigger(tok, "COERCE", None, (tok, *objs[:1]))  # "police ended the protest": broke it up
        return Trigger(tok, "CONCEDE", None, (tok, *objs[:1]))  # "opposition supporters ended 88 days of protests"
    if lemma in ALLOWING and obj_words & FREEDOMS:
        return Trigger(tok, "CONCEDE", None, (tok, *objs[:1]))  # "voted to allow direct presidential elections"
    if lemma in ALLOWING and (subtree & REFUGEES or obj_words & BORDERS and _to_people(tok)):
        return Trigger(tok, "AID", "asylum", (tok, *objs[:1]))  # "opened its border to Afghan refugees / to Cambodians"
    if lemma in EVACUATING and subtree & CASUALTIES:
        return Trigger(tok, "AID", "humanitarian", (tok, *objs[:1]))  # "evacuated the wounded"
    if lemma == "hand" and obj_words & POSTS and any(c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                                     for c in tok.children):
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "U.S. forces handed over their last base in Niger to
        # the junta, completing a withdrawal": a position given up (CAMEO 0874)
    if lemma in HANDING_OVER and {t.lower_ for o in objs for t in o.subtree} & (SUSPECTS | CHARGES) and (
            lemma != "deport" or any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
            and any(o.lower_ in SUSPECTS for o in objs)):
        return Trigger(tok, "COOPERATE", "judicial", (tok, *objs[:1]))  # "handed three suspects over to Spain"
    # (not "deported 12 foreigners over suspected links to the Islamic State": no suspect handed to anyone; not
    # "deported 400 suspected militants to southern Lebanon": an expulsion of those it holds suspect)
    if lemma in HANDING_OVER and not objs and {t.lower_ for t in tok.subtree} & (SUSPECTS | CHARGES) and any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tok.children):
        return Trigger(tok, "COOPERATE", "judicial", (tok,))  # "handed over to Saudi Arabia on Sunday four suspected
        # militants wanted in connection with bombings": the object put last, which the parser loses
    if lemma in HANDING_OVER and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
            g.lower_ in JUSTICE for g in c.children if g.dep_ == "pobj") for c in tok.children):
        return Trigger(tok, "COOPERATE", "judicial", (tok, *objs[:1]))  # "handed over by Serbian authorities to the
        # U.N. war crimes tribunal": a fugitive given up to justice
    if lemma in ("give", "grant") and obj_words & MANDATES:
        return Trigger(tok, "SUPPORT", None, (tok, *objs[:1]))  # "voted to give President Maduro the power to rule by
        # decree": a mandate conferred (not "give in")
    if lemma == "order" and any(c.lower_ == "out" and c.dep_ in ("prep", "prt", "advmod") for c in tok.children):
        expelled = "SANCTION" if obj_words & HEADS_OF_MISSION else "COERCE"  # diplomats expelled; others deported
        return Trigger(tok, expelled, "expel", (tok, *objs[:1]))  # "two British diplomats were ordered out of Tehran"
    if lemma == "declare" and any(t.lower_ == "grata" for t in tok.subtree):
        return Trigger(tok, "SANCTION", "expel", (tok,))  # "declared two employees of the Russian embassy persona
        # non grata": an expulsion
    if lemma == "give" and _deadline(tok):
        return Trigger(tok, "THREATEN", None, (tok,))  # "gave the politicians 48 hours to resolve the crisis or
        # face military intervention": an ultimatum
    if lemma in ("return", "restore") and obj_words & PROPERTY:
        return Trigger(tok, "CONCEDE", "return", (tok, *objs[:1]))  # "the government had returned land confiscated
        # from some 300 families": property given back (CAMEO 0842), not the confiscation the participle recalls
    if lemma in ("hand", "give") and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children):
        return Trigger(tok, "CONCEDE", "return", (tok, *objs[:1]))  # "Iraq handed back to Kuwait its state archives"
    if lemma in ALLOWING and obj_words & STAGING_GROUNDS and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in FORCES | AIRCRAFT | WAR_MATERIEL for g in c.subtree)
            for c in tok.children):
        return Trigger(tok, "COOPERATE", "military", (tok, *objs[:1]))  # "opened its air base to American warplanes"
    if lemma in GIVING and obj_words & ARMS_HANDED and subj_sector == "rebel":
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "fighters handing rifles and grenades to officials"
    if lemma in GIVING and obj_words & (WAR_MATERIEL | AIRCRAFT | ARMS_HANDED | VESSELS) and subj_sector != "rebel" \
            and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                lex.sector(g.lower_) in ("military", "government", "rebel") for g in c.children if g.dep_ == "pobj")
            for c in tok.children):
        return Trigger(tok, "AID", "military", (tok, *objs[:1]))  # "shipped Stinger missiles to Afghan guerrillas",
        # "handed over 20 armoured personnel carriers to Somalia's national army", "six patrol boats to the navy"
    if lemma in GIVING and (obj_words | subtree) & EVIDENCE:
        return Trigger(tok, "COOPERATE", "judicial", (tok, *objs[:1]))  # "provided investigators with evidence"
    if lemma in TRADING and obj_words & ENERGY:
        return Trigger(tok, "COOPERATE", "economic", (tok, *objs[:1]))  # "began supplying natural gas to Israel"
    if lemma == "turn" and not objs and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children):
        return Trigger(tok, "RETREAT", None, (tok,))  # "the Indian jets turned back" (not "turned back the boats")
    if lemma == "give" and obj_words & REFLEXIVE and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "gave himself up to soldiers": a surrender
    if lemma == "receive" and _money(objs):
        return Trigger(tok, "AID", "economic", (tok, *objs[:1]))  # "received a $1.1bn tranche from the IMF"
    if lemma in FUNDING and (_money(objs) or obj_words & AID_GOODS) and not any(lex.sector(o.lower_) for o in objs):
        return Trigger(tok, "AID", "economic", (tok, *objs[:1]))  # "released 10 million euros in assistance" (not
        # "released the two Italian aid workers": people freed)
    if lemma in ALLOWING and (obj_words & ACCESS or _access_party(tok, lex)):
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "let inspectors back in", "opened Darfur to monitors"
    if lemma in LEAVING and subj_sector == "military":
        return Trigger(tok, "RETREAT", None, (tok,))  # "troops began leaving Somalia"
    given = [*objs, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"  # "gave 20 million ECUs
                      for g in c.children if g.dep_ == "pobj")]  # in humanitarian aid"
    aid = {lex.lemma(t.text, noun=True) for o in given for t in o.subtree} & (AID_GOODS | HELPERS)
    if lemma in CARRYING and (aid or lemma in GIVING and _money(objs)):
        return Trigger(tok, "AID", None, (tok, *objs[:1]))  # "gave 50 million crowns", "flew in a team of doctors"
    if lemma == "order" and obj_words & FORCES and any(c.dep_ == "prep" and c.lower_ in MOVEMENT | {"to", "onto"}
                                                       for c in tok.children):
        return Trigger(tok, "MOBILIZE", "troops", (tok, *objs[:1]))  # "ordered troops onto the streets of Guayaquil"
    if lemma in ("withdraw", "pull", "recall") and (obj_words & MONITORS or {t.lower_ for o in objs for t in o.subtree}
                                                     & PEACEKEEPING and obj_words & FORCES):
        return Trigger(tok, "SANCTION", "expel", (tok, *objs[:1]))  # "pulled its ceasefire monitors out of Kosovo",
        # "began withdrawing its peacekeeping troops from Guinea-Bissau": CAMEO 166
    if lemma in REDEPLOYING and obj_words & FORCES and any(
            c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("out", "away") for c in tok.children):
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "redeployed thousands of troops out of Beirut"
    if lemma in ("reopen", "open") and subj_sector == "military" and obj_words & ROUTES:
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "Bosnian Serb forces reopened the main land routes into
        # Sarajevo, easing a siege": a military blockade eased (CAMEO 0872)
    if lemma in DISPATCHING | {"deploy", "fly"} and obj_words & (FORCES | RESERVISTS | TROOP_KINDS) and _propping_up(tok, lex):
        return Trigger(tok, "AID", "military", (tok, *objs[:1]))  # "deployed paratroopers ... to shore up the
        # embattled Sierra Leonean government", "flew 200 troops into N'Djamena to bolster the government"
    if lemma in DISPATCHING and obj_words & (FORCES | RESERVISTS) and any(
            c.dep_ in ("advmod", "prt") and c.lower_ == "home" for c in tok.children):
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "sent home 20,000 reservists": demobilised
    if (lemma in MOVING and obj_words & WAR_MATERIEL or lemma in DISPATCHING and obj_words & FORCES and not any(
            c.dep_ == "xcomp" or c.lower_ in ("home", "back") for c in tok.children)) \
            and (lemma != "bring" or any(c.lower_ in ("in", "into") for c in tok.children)):  # not "sent troops home"
        return Trigger(tok, "MOBILIZE", "troops", (tok, *objs[:1]))  # "sent two frigates", "rushed 5,000 troops",
        # "brought tanks into Kosovo" (not "would bring Nato forces too close to its borders")
    if lemma in SHRINKING and objs and objs[0].lower_ in FORCES - {"border", "borders", "line", "position", "positions"}:
        return Trigger(tok, "RETREAT", None, (tok, *objs))  # "began reducing its troop presence in South Korea"
    if lemma in ("close", "shut", "seal") and obj_words & PUBLIC_PLACES and subj_sector in STATE_SECTORS:
        return Trigger(tok, "COERCE", None, (tok, *objs[:1]))  # "authorities closed the main highway into Srinagar
        # and sealed off several neighbourhoods": a restriction on people (not a border or an embassy: SANCTION)
    if lemma in HALTING and obj_words & TRANSFERS and subj_sector not in ("civilian",):
        return Trigger(tok, "SANCTION", None, (tok, *objs[:1]))  # "Israel halted the transfer of tax revenues"
    if lemma == "withdraw" and obj_words & CREDENTIALS:
        return Trigger(tok, "SANCTION", "expel", (tok, *objs[:1]))  # "withdrew the accreditation of eight IAEA inspectors"
    if lemma in HALTING | {"abandon", "quit", "freeze", "drop"} and obj_words & {"role", "efforts", "mediation"} \
            and subtree & MEDIATING:
        return Trigger(tok, "SANCTION", None, (tok, *objs[:1]))  # "was freezing its role as facilitator of the peace
        # talks", "could abandon its role as a mediator": halting mediation (CAMEO 165)
    diplomatic_staff = any(o.lower_ in ("staff", "personnel") and any(m.lower_ == "diplomatic" for m in o.children)
                           for o in objs)  # "withdrawing its own diplomatic staff from those countries"
    if lemma in ("withdraw", "recall") and (obj_words & HEADS_OF_MISSION or diplomatic_staff):
        return Trigger(tok, "SANCTION", None, (tok, *objs[:1]))  # "withdrew its ambassador from Tehran": CAMEO 161
    if lemma == "withdraw" and objs and not obj_words & (FORCES | SEIZED_GOODS | WAR_MATERIEL) \
            and not any(lex.sector(o.lower_) in ("military", "police") for o in objs) \
            or lemma in REVERSING and obj_words & MEASURES:
        return Trigger(tok, "CONCEDE", None, (tok, *objs[:1]))  # "withdrew the extradition bill", "scrapped the bill"
    if lemma == "join" and objs and objs[0].tag_.startswith("NNP") and lex.sector(objs[0].lower_) == "igo":
        return Trigger(tok, "COOPERATE", None, (tok,))  # "Finland formally joined NATO", "joined the ICC"
    if lemma in LEAVING_BODIES and _body_left(tok, objs, lex):
        return Trigger(tok, "SANCTION", None, (tok,))  # "Morocco withdrew from the Organisation of African Unity",
        # "quit OPEC", "pulled out of the Commonwealth": relations reduced (CAMEO 16), not a retreat
    if lemma == "expel" and obj_words & INDIVIDUALS:
        return Trigger(tok, "COERCE", None, (tok, *objs[:1]))  # "expelled an American missionary": a deportation
    if lemma == "force" or lemma == "order" and _leaving(tok, lex):
        if obj_words & BODIES:
            return Trigger(tok, "SANCTION", "expel", (tok, *objs[:1]))  # "ordered 13 aid agencies to leave Darfur"
        if lemma == "order" and obj_words & INDIVIDUALS:
            return Trigger(tok, "COERCE", None, (tok, *objs[:1]))  # "ordered a BBC correspondent to leave": expelled
        if lemma == "force" and obj_words & POPULATIONS:
            return Trigger(tok, "ASSAULT", None, (tok, *objs[:1]))  # "forced refugees back across the border"
    if lemma == "give" and _to_clause(tok) and any(c.dep_ == "prep" and c.lower_ in ("until", "till") for c in tok.children):
        return Trigger(tok, "THREATEN", None, (tok,))  # "gave the Serbs until midnight to withdraw": an ultimatum to them
    if lemma in ("give", "set") and any(c.dep_ in ("dobj", "dative", "npadvmod") and c.lower_ in DEADLINES
                                        and (any(g.dep_ in ("relcl", "acl") for g in c.children) or _to_clause(tok))
                                        for c in tok.children):
        return Trigger(tok, "THREATEN", None, (tok, *objs[:1]))  # "gave militants 48 hours to hand over their weapons"
    if lemma == "order" and (obj_words & FORCES or any(lex.sector(o.lower_) == "military" for o in objs)):
        if _leaving(tok, lex) and any(c.dep_ in ("amod", "compound", "poss") and c.text[:1].isupper()
                                      for o in objs for c in o.children):
            return Trigger(tok, "COERCE", None, (tok, *objs[:1]))  # "ordered French troops to leave": an expulsion
        # a state ordering its own forces does what it orders them to do
        away = {c.lower_ for n in (tok, *objs) for c in n.children if c.dep_ in ("advmod", "prt")} & {"home", "back", "out"}
        if away or any(c.dep_ in ("xcomp", "advcl") and lex.lemma(c.text) in WITHDRAWING for c in tok.children):
            return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "ordered its 1,300 troops home from Iraq"
        if subtree & {"alert", "duty", "readiness", "standby"}:
            return Trigger(tok, "MOBILIZE", None, (tok, *objs[:1]))  # "ordered the forces on special combat duty"
    if lemma == "summon" and obj_words & HEADS_OF_MISSION:
        return Trigger(tok, "ACCUSE", None, (tok,))  # "summoned the British charge d'affaires": a formal protest
    if lemma == "order" and _state_subject(tok, lex) and obj_words & SHUTDOWNS:
        return Trigger(tok, "COERCE", None, (tok, *objs[:1]))  # "ordered the closure of the only independent daily"
    if lemma == "order" and objs and _state_subject(tok, lex) and not obj_words & FORCES and any(
            c.dep_ == "xcomp" and lex.lemma(c.text) in SHUTTING for c in tok.children):
        return Trigger(tok, "COERCE", None, (tok, *objs[:1]))  # "ordered the newspaper La Prensa to suspend publication"
    clause = _ordered_clause(tok, objs) if lemma in ("order", "force") else None
    if lemma == "order" and clause is not None and (not objs or clause.tag_ == "VBN") and (  # done to whom it names
            lex.verb_type.get(lex.lemma(clause.text)) == "COERCE"
            or lex.lemma(clause.text) in ("hold", "keep") and {t.lower_ for t in clause.subtree} & DETENTION):
        return Trigger(tok, "COERCE", None, (tok, clause))  # "ordered the journalist detained", "ordered him held in custody"
    if lemma == "force" and objs and clause is not None and not _leaving(tok, lex):
        return Trigger(tok, "COERCE", None, (tok,))  # "police forced opposition supporters to attend a rally": them
    if lemma == "give" and obj_words & {"permission", "access", "clearance"} and _access_party(tok, lex):
        return Trigger(tok, "RETREAT", None, (tok, *objs[:1]))  # "gave aid agencies permission to enter Darfur"
    if lemma == "block" and obj_words & PROPOSALS:
        return Trigger(tok, "REJECT", None, (tok, *objs[:1]))  # "Hungary blocked the EU's aid package": a veto
    if lemma == "receive" and (_money(objs) or obj_words & AID_GOODS):
        return Trigger(tok, "AID", None, (tok, *objs[:1]))  # "received a $1.1bn tranche from the IMF"
    if lemma == "boycott" and obj_words & PROCESSES:
        return Trigger(tok, "REJECT", "boycott", (tok, *objs[:1]))  # parties boycotting talks refuse them
    return None


NEEDING = frozenset({"need", "require"})
DETENTION = frozenset({"custody", "detention", "prison", "jail", "captivity"})
SHUTTING = frozenset({"suspend", "close", "shut", "stop", "cease", "halt", "disband", "dissolve", "vacate", "end"})
DEPARTING = frozenset({"depart", "quit", "leave", "go"})
WITHDRAWING = frozenset({"withdraw", "pull", "retreat", "leave", "return", "evacuate", "vacate"})


BORDERS = frozenset({"border", "borders", "frontier", "frontiers", "crossing", "crossings"})


def _to_people(tok: Token) -> bool:
    """The verb is aimed "to" people (a nationality or people in need), not to trade or traffic."""
    return any(t.tag_ == "NNPS" or t.lower_ in REFUGEES | CASUALTIES
               for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree)


def _ordered_clause(tok: Token, objs: list[Token]) -> Token | None:
    """The verb of what "order" or "force" asks for: "forced supporters to attend", "ordered the
    journalist detained", "ordered an American reporter held in detention"."""
    return next((c for c in tok.children if c.tag_.startswith("VB") and (c.dep_ in ("xcomp", "ccomp", "oprd") or (
        c.dep_ == "advcl" and _infinitive(c)))), None) \
        or next((c for o in objs for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)


def _infinitive(clause: Token) -> bool:
    """The clause is a "to" infinitive ("forced supporters to attend", the parser's advcl included)."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def _to_clause(tok: Token) -> bool:
    """The verb has an infinitive clause of its own ("gave them a week to reinstate the president")."""
    return any(c.dep_ in ("xcomp", "advcl") and _infinitive(c) for c in tok.children)


def _leaving(tok: Token, lex: Lexicon) -> bool:
    """"ordered the agencies to leave", "forced them out": the object is sent away."""
    return any(c.dep_ in ("xcomp", "ccomp") and (lex.lemma(c.text) in DEPARTING or lex.lemma(c.text) in ("pull", "move", "get")
                                                  and any(p.dep_ == "prt" and p.lower_ == "out" for p in c.children))
               for c in tok.children) \
        or any(c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "back", "away") for c in tok.children)


def _access_party(tok: Token, lex: Lexicon) -> bool:
    """Those the verb lets in are inspectors, monitors, peacekeepers or aid workers: "allowed UN weapons inspectors
    to resume their work", "let monitors into Aceh", "gave aid agencies permission to enter", "allowed an
    international peacekeeping force to land"."""
    parties = [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    parties += [c for c in tok.children if c.dep_ in ("dative", "dobj")]
    parties += [g for c in tok.children if c.dep_ in ("xcomp", "ccomp") for g in c.children if g.dep_ == "nsubj"]
    peacekeeping = {p.i for p in parties for m in p.children
                    if m.dep_ in ("compound", "amod") and m.lower_ in PEACEKEEPING}
    return any(lex.lemma(p.text, noun=True) in ACCESS or p.lower_ in ACCESS or p.i in peacekeeping for p in parties)


def _takes_a_prize(tok: Token, lemma: str, lex: Lexicon) -> bool:
    """"Captured 40 percent of the audience", "seized the title", "captures 4K video": nothing is
    taken from a party."""
    if lemma not in TAKING:
        return False
    heads = {lex.lemma(o.text, noun=True) for o in tok.children if o.dep_ in ("dobj", "nsubjpass", "attr")}
    return bool(heads) and heads <= PRIZES


# words that tell a military strike from a labour one when no modifier does ("launched retaliatory strikes")
MILITARY_WORDS = frozenset({"missile", "missiles", "military", "army", "troops", "jets", "aircraft", "drone", "drones",
                            "artillery", "bomb", "bombs", "militant", "militants", "retaliatory", "targeted", "targets",
                            "warplanes", "airspace", "air", "killed", "forces", "navy"})
LABOUR_WORDS = frozenset({"workers", "union", "unions", "pay", "wages", "wage", "staff", "teachers", "nurses", "doctors",
                          "drivers", "pickets", "picket", "walkout", "employers", "industrial", "ballot", "pensions",
                          "general", "hunger", "transport", "miners", "dockers", "nationwide", "actors", "writers",
                          "employees", "strikers", "salary", "salaries", "contract", "rail", "postal", "pension",
                          "retirement", "layoffs", "jobs", "overtime"})


def _noun_type(noun: Token, lex: Lexicon) -> str | None:
    """A noun's event type, its modifier first: "air strikes" are attacks, "general strike" a protest."""
    for mod in (c for c in noun.children if c.dep_ in ("compound", "amod")):
        if mod.lower_ in lex.noun_modifiers:
            return lex.noun_modifiers[mod.lower_]
    return lex.noun_type.get(lex.lemma(noun.text, noun=True))


SPANS_GIVEN = frozenset({"hours", "days", "weeks"})
MANDATES = frozenset({"power", "powers", "mandate", "authority"})  # conferred on someone


def _deadline(verb: Token) -> bool:
    """"gave them 48 hours to leave", "gave the rebels seven days to lay down their arms": a time limit."""
    spans = any(c.dep_ in ("dobj", "npadvmod") and c.lower_ in SPANS_GIVEN
                and any(n.dep_ == "nummod" for n in c.children) for c in verb.children)
    clauses = (*verb.children, *(g for o in verb.children for g in o.children))
    return spans and any(c.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in clauses)


def _money(objs: list[Token]) -> bool:
    """"50 million crowns", "$3 billion": an amount of money."""
    return any(t.text in ("$", "£", "€") or t.lower_ in CURRENCIES for o in objs for t in o.subtree) \
        and any(t.like_num or AMOUNT.match(t.lower_) for o in objs for t in o.subtree)


AMOUNT = re.compile(r"^\d[\d.,]*(?:bn|mn|m|tn|k)$")  # "$1bn", "$1.1bn", "£250m"



def _classify_verb(tok: Token, lemma: str, lex: Lexicon) -> Trigger | None:
    if _takes_a_prize(tok, lemma, lex):
        return None
    settled = _by_arguments(tok, lemma, lex)
    if settled is not None:
        return settled
    if lemma in lex.phrases:
        conts = _continuations(tok, lex)
        # the longest phrase first; of equally long ones, the one whose words come nearest the verb ("asked
        # forgiveness from China for its aggression" is an apology, not a request "for" something)
        found = sorted((p for p in lex.phrases[lemma] if p[0] in conts),
                       key=lambda p: (-len(p[0].split()), abs(conts[p[0]][-1].i - tok.i)))
        for rest, etype in found:
            if rest in conts:
                types = {t for r, t in lex.phrases[lemma] if r == rest}
                etype = "PROTEST" if "PROTEST" in types and _civilian_subject(tok, lex) else etype
                if etype == "PROTEST" and _state_subject(tok, lex) and "COERCE" in lex.verb_types.get(lemma, ()):
                    etype = "COERCE"  # police blocking a road obstruct it; protesters blocking it protest
                if etype in ("ASSAULT", "COERCE") and lemma == "take" and _protesting_subject(tok, lex):
                    etype = "PROTEST"  # "teachers took over toll booths", "youths took over the town hall": an occupation
                elif etype == "ASSAULT" and lemma == "take" and _subject_sector(tok, lex) == "police":
                    etype = "COERCE"  # "federal police took over the toll booths": law enforcement, no battle
                elif etype == "ASSAULT" and lemma == "take" and _seizes_goods(tok, lex):
                    etype = "COERCE"  # "troops took over the plants of a cement company": property seized (CAMEO 1711)
                if etype == "ASSAULT" and "COERCE" in types and _of_media_or_premises(conts[rest], lex):
                    etype = "COERCE"  # "the army took control of the state broadcaster": a coup's seizure, no battle
                phrase = f"{lemma} {rest}"
                mode = lex.modes.get((etype, phrase)) or lex.modes.get((etype, lemma))
                return _modified(Trigger(tok, etype, mode, (tok, *conts[rest])), lex)
    if lemma in lex.light or lemma in lex.verb_type:
        conjoined = [c for o in tok.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "conj"
                     and lemma != "have"]  # not "had massed tanks and artillery": what one has
        for child in [*_object_nouns(tok), *conjoined]:  # "impose a sweeping trade and financial embargo"
            if child.lower_ == "war" and child.dep_ == "compound" and _noun_lemma(child.head, lex) == "game":
                continue  # "launches war games": exercises (classify_noun types them), no war launched
            if any(c.lower_ in FIGURATIVE for c in child.children if c.dep_ in ("compound", "amod")) \
                    and lex.noun_type.get(_noun_lemma(child, lex)) == "ASSAULT":
                continue  # "intensifying the price war among carmakers": no one is attacked (but "tightened its
                # trade embargo against Cuba" is an embargo)
            if _noun_lemma(child, lex) == "war" and _war_on_no_party(tok, child, lex):
                continue  # "Xiaomi has declared war on the mid-range segment", "a war on drugs"
            light = lemma not in lex.verb_type or lemma in lex.light  # the object says what the verb does
            if light and _trade_ban(child):
                return Trigger(tok, "SANCTION", "embargo", (tok, child))  # "ordered a ban on the sale of computers to
                # South African security forces": an embargo, not a ban on a party or a paper
            stopped = _stopped(child, lex) if light and lemma not in SETTLING else None  # not "signed a cessation of
            # hostilities": an agreement; not "demanded the lifting of sanctions": a request
            if stopped is not None:
                return Trigger(tok, stopped, None, (tok, child))  # "declared a three-month suspension of attacks"
            if light and _note_of_protest(child):
                return Trigger(tok, "ACCUSE", None, (tok, child))  # "delivered a formal note of protest to Bogota"
            if lemma in OBSERVING and _noun_lemma(child, lex) in TRUCES:
                return Trigger(tok, "RETREAT", None, (tok, child))  # "began a six-month bilateral ceasefire"
            noun = _noun_lemma(child, lex)  # "staged a sit-in"
            if noun == "boycott" and light and _civilian_subject(tok, lex):
                return Trigger(tok, "PROTEST", "boycott", (tok, child))  # "residents of Soweto stepped up their rent
                # boycott": people's boycotts protest (CAMEO 143), as "consumers boycotted Japanese goods" does
            if noun in lex.noun_type and not _to_the_media(child, noun):
                etype = lex.noun_type[noun]
                if lemma not in lex.verb_type or lemma in lex.light:
                    return _modified(Trigger(tok, etype, lex.modes.get((etype, noun)), (tok, child)), lex)
    if lemma in lex.verb_type:
        etype = _context_type(tok, lemma, lex)
        if etype == "MOBILIZE" and lemma in INCREASING and not _forces_object(tok, lex):
            return None  # "reinforcing Portugal's role", "strengthened the economy": no forces moved
        return Trigger(tok, etype, lex.modes.get((etype, lemma)), (tok,))
    return None


def _of_media_or_premises(words: tuple[Token, ...], lex: Lexicon) -> bool:
    """"control of the state broadcaster", "of the newspaper's offices": a station or a building, not ground."""
    return any(lex.sector(n.lower_) == "media" or lex.lemma(n.text, noun=True) in PREMISES
               for w in words for p in w.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj"
               for n in (g, *(a for a in g.children if a.dep_ in ("appos", "compound"))))  # "of Zaman, the largest
    # newspaper", "of television stations"


def _forces_object(tok: Token, lex: Lexicon) -> bool:
    """The verb acts on armed forces or defences (or on nothing named): "reinforced its troops"."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objs or any(lex.lemma(o.text, noun=True) in FORCES or lex.sector(o.text) in ("military", "police")
                           for o in objs)


def _modified(trig: Trigger, lex: Lexicon) -> Trigger:
    """A modifier of the trigger noun may settle its type: "air strikes" are attacks. Without one, the
    sentence's words settle a strike: "launched retaliatory strikes" on militants is an attack, a
    strike of teachers over pay a protest."""
    nouns = [w for w in trig.words if w.tag_.startswith("NN")]
    for mod in (c for n in nouns for c in n.children if c.dep_ in ("compound", "amod")):
        etype = lex.noun_modifiers.get(mod.lower_)
        if etype == "PROTEST" and lex.lemma(mod.head.text, noun=True) != "strike":
            continue  # a general or hunger *strike* is a protest; "a general mobilisation" is not
        if etype:
            return Trigger(trig.token, etype, trig.mode, trig.words, trig.nominal, trig.priority)
    strikes = [n for n in nouns if lex.lemma(n.text, noun=True) == "strike"]
    if trig.type == "PROTEST" and strikes:
        words = {t.lower_ for t in trig.token.doc}
        if not words & LABOUR_WORDS and (words & MILITARY_WORDS or any(_aimed_by_a_state(n) for n in strikes)):
            return Trigger(trig.token, "ASSAULT", None, trig.words, trig.nominal, trig.priority)
    return trig


def _aimed_by_a_state(strike: Token) -> bool:
    """"the Indian strikes", "India's strike into Pakistan", "strikes on Iran": a strike owned by a
    people or a state, or aimed at a named place, with no word of labour about, is an attack."""
    owned = any(c.dep_ in ("amod", "poss") and c.text[:1].isupper() and c.i != c.sent.start  # not "the Ford strike"
                for c in strike.children)
    aimed = any(c.dep_ == "prep" and c.lower_ in ("into", "on", "against", "across") and any(
        g.dep_ == "pobj" and g.text[:1].isupper() for g in c.children) for c in strike.children)
    return owned or aimed


def _subject(tok: Token, active_only: bool = False) -> Token | None:
    """The verb's subject (only an active one's, "police blocked", with `active_only`)."""
    deps = ("nsubj",) if active_only else ("nsubj", "nsubjpass")
    found = next((c for c in tok.children if c.dep_ in deps), None)
    if found is None and tok.dep_ == "conj" and tok.head.tag_.startswith("VB"):
        return _subject(tok.head, active_only)  # "crowds stoned police vehicles and set fire to ...": one subject
    if found is None and hung_on_subject(tok):
        return tok.head  # "About 200 rebels handed over their rifles ... under a plan agreed ..."
    return found


ARMED_MODIFIERS = frozenset({"armed", "masked", "hooded", "gun-toting", "unidentified"})


def _protesting_subject(tok: Token, lex: Lexicon) -> bool:
    """Protesters, strikers or a crowd, or a protest itself, is the doer: what they do is a protest
    (PLOVER's COERCE is an authority's or an armed group's act)."""
    subj = _subject(tok, active_only=True)
    if subj is None:
        return False
    subj = quantity_of(subj)  # "thousands of opposition supporters"
    if any(c.lower_ in ARMED_MODIFIERS for c in subj.children if c.dep_ in ("amod", "compound")):
        return False  # "armed men hijacked an Indian Airlines jet": gunmen, not a crowd
    noun = lex.lemma(subj.text, noun=True)
    return lex.sector(subj.lower_) == "civilian" or noun in lex.noun_type and _noun_type(subj, lex) == "PROTEST"


def _protest_as_subject(tok: Token, lex: Lexicon) -> bool:
    """A protest itself does it: "a general strike halted trains and closed banks"."""
    subj = _subject(tok, active_only=True)
    return subj is not None and _noun_type(subj, lex) == "PROTEST"


def _seizes_goods(tok: Token, lex: Lexicon) -> bool:
    """"War veterans seized three more farms": property taken is a seizure (CAMEO 1711), whoever takes it."""
    return any((lex.lemma(o.text, noun=True) in SEIZED_GOODS or o.lower_ in SEIZED_GOODS)
               and not any(c.dep_ == "poss" and c.lower_ in ("their", "its", "his", "her", "our") for c in o.children)
               for o in _object_nouns(tok))  # not "pharmacists shut their shops nationwide": a strike


def _rioting_subject(tok: Token, lex: Lexicon, also: frozenset[str] = frozenset()) -> bool:
    """Rioters or a crowd doing violence: a violent protest (CAMEO 145), not an armed attack (`also`: more
    words for protesters, where the verb is a protest tactic)."""
    subj = _subject(tok, active_only=True)
    if subj is not None and subj.lower_ in CROWDS:  # "hundreds of thousands of demonstrators"
        subj = next((g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj"), subj)
    return subj is not None and (subj.lower_ in RIOTING or subj.lower_ in also)


def _in_protest(tok: Token) -> bool:
    """"... in protest at solitary confinement": the act is the protest (the verb's own phrase or its
    complement's: "refusing to pay utility bills in protest")."""
    for node in (tok, *(c for c in tok.children if c.dep_ == "xcomp")):
        for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "in"):
            if any(g.lower_ == "protest" or g.lower_ in ("strike", "walkout", "stoppage") and not any(
                    m.lower_ in ("air", "missile", "drone") for m in g.children) for g in prep.children if g.dep_ == "pobj"):
                return True  # "stayed away from classrooms ... in a strike over unpaid salary increases"
    return False


LEAVING_BODIES = frozenset({"withdraw", "pull", "quit", "leave", "walk"})


def _body_left(tok: Token, objs: list[Token], lex: Lexicon) -> bool:
    """The verb's object, or what it leaves "from" / "out of", is a named international body (not the choice
    on a ballot: "the country was wrong to vote to leave the EU")."""
    if tok.dep_ == "xcomp" and lex.lemma(tok.head.text) == "vote":
        return False
    left = [*objs, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                     for g in c.children if g.dep_ == "pobj")]
    return any(b.tag_.startswith("NNP") and lex.sector(b.lower_) == "igo" for b in left)


def _subject_sector(tok: Token, lex: Lexicon, active_only: bool = True) -> str | None:
    """The sector of the verb's subject, read through a count ("thousands of opposition supporters")."""
    subj = _subject(tok, active_only=active_only)
    return lex.sector(quantity_of(subj).lower_) if subj is not None else None


def _state_subject(tok: Token, lex: Lexicon) -> bool:
    return _subject_sector(tok, lex) in STATE_SECTORS


def _fleeing_party(tok: Token, lex: Lexicon) -> bool:
    """Who flees retreats when an armed force, a government or someone named ("President Yanukovich fled
    Kiev", "the rebels fled the town"); civilians who flee are displaced."""
    subj = _subject(tok)
    if subj is None and tok.dep_ in ("xcomp", "advcl", "conj"):
        subj = _subject(tok.head)
    subj = antecedent(subj) if subj is not None else None  # "Yemen's president, Abd-Rabbu Mansour Hadi, who fled"
    return subj is None or lex.sector(subj.lower_) in ("military", "rebel", "government", "police") \
        or subj.tag_ in ("NNP", "NNPS")  # no subject said ("before fleeing Idlib"): as before, a retreat


def _civilian_subject(tok: Token, lex: Lexicon) -> bool:
    return _subject_sector(tok, lex, active_only=False) in ("civilian", "opposition")


SANCTION_NOUNS = frozenset({"sanction", "sanctions", "embargo", "embargoes"})
AIMED = frozenset({"at", "on", "against", "into", "in", "inside", "across", "within", "deep", "behind"})


def _context_type(tok: Token, lemma: str, lex: Lexicon) -> str:
    """Settle a verb that belongs to several types from its arguments (workers strike vs jets strike)."""
    types = lex.verb_types[lemma]
    default = lex.verb_type[lemma]
    if len(types) == 1:
        return default
    subj = _subject(tok)
    subj_sector = lex.sector(subj.lower_) if subj is not None else None
    civilians = subj_sector in ("civilian", "opposition")
    if "PROTEST" in types and civilians and (lemma in OCCUPYING or not any(c.dep_ == "dobj" for c in tok.children)):
        return "PROTEST"  # protesters storming a building or blocking a bridge protest
    if "ASSAULT" in types and lemma in ("occupy", "storm") and subj_sector in ("military", "rebel"):
        return "ASSAULT"  # troops occupying territory, rebels storming a town
    if "PROTEST" in types and lemma in OBSTRUCTING and subj is not None and subj_sector not in STATE_SECTORS \
            and (subj_sector is not None or not subj.tag_.startswith("NNP")):
        return "PROTEST"  # drivers blockading depots, rebels blocking roads: obstructing passage (CAMEO 144)
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if lemma == "strike" and "PROTEST" in types and obj is None and not any(
            c.dep_ == "prep" and c.lower_ in AIMED for c in tok.children):
        words = {t.lower_ for t in tok.doc}
        if words & LABOUR_WORDS or not words & (MILITARY_WORDS | {"weapon", "weapons", "long-range"}):
            return "PROTEST"  # "they are willing to strike to scrap this designation": no target, no weapon
    if "SANCTION" in types and any(c.dep_ == "prep" and c.lower_ in ("in", "as", "under") and any(
            lex.lemma(g.text, noun=True) in SANCTION_NOUNS or g.lower_ == "part" and any(
                lex.lemma(w.text, noun=True) in SANCTION_NOUNS for w in g.subtree) for g in c.children if g.dep_ == "pobj")
            for c in (*tok.children, *(g for o in tok.children if o.dep_ == "dobj" for g in o.children))):
        return "SANCTION"  # "UK bans Russian diamonds in new sanctions", "froze assets as part of sanctions"
    if "COERCE" in types and lemma in ("seize", "grab", "snatch") and obj is not None and any(
            lex.sector(w.lower_) in ("civilian", "media") for w in (obj, *obj.children) if w.dep_ != "prep"):
        return "COERCE"  # "gunmen seized American journalist Terry Anderson": a kidnapping, like "abducted"
    if "COERCE" in types and _seizes_goods(tok, lex):
        return "COERCE"  # seizing bombs or "300 kg of explosives" is law enforcement, not an attack
    if lemma in ("raid", "storm") and (subj_sector == "police" or obj is not None and lex.lemma(obj.text, noun=True) in PREMISES):
        return "COERCE"  # police raiding a village or storming an occupied university, security forces raiding a
        # newspaper's offices: a search or a crackdown
    if "ACCUSE" in types and default == "ASSAULT":
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and lex.lemma(obj.text) in ("decision", "policy", "plan", "remark", "statement", "report", "proposal", "move"):
            return "ACCUSE"
    return default


def hyphenated(tok: Token) -> str:
    """The word a hyphen chain ending in `tok` spells, lower case: the tokenizer splits "sit-in" into
    "sit", "-", "in" (and "build-up", "cease-fire"); the token's own word when no hyphen
    joins it to the word before."""
    doc, i, word = tok.doc, tok.i, tok.lower_
    while i >= 2 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        word, i = f"{doc[i - 2].lower_}-{word}", i - 2
    return word


def _noun_lemma(tok: Token, lex: Lexicon) -> str:
    """The noun's lemma, read as the hyphenated word it ends when the lexicon knows that word, with or
    without its hyphen ("staged a sit-in", "a military build-up", "a cease-fire")."""
    word = hyphenated(tok)
    if word != tok.lower_:
        for form in (word, word.replace("-", "")):
            if lex.lemma(form, noun=True) in lex.noun_type:
                return lex.lemma(form, noun=True)
    return lex.lemma(tok.text, noun=True)


def _to_the_media(tok: Token, noun: str) -> bool:
    """"at a joint press conference", "will hold a news conference": words to the media, not a meeting."""
    return noun in ("conference", "briefing") and any(c.lower_ in ("press", "news") for c in tok.children
                                                      if c.dep_ == "compound")


def classify_noun(tok: Token, lex: Lexicon) -> Trigger | None:
    noun = _noun_lemma(tok, lex)
    if tok.tag_.startswith("NN") and tok.dep_ in ("dobj", "nsubj", "nsubjpass") and _done_jointly(tok) \
            and noun not in SPOKEN:
        return Trigger(tok, "COOPERATE", None, (tok,), nominal=True, priority=1.5)  # "joint patrols"
    if noun == "game" and any(c.lower_ == "war" for c in tok.children if c.dep_ == "compound"):
        return Trigger(tok, "COOPERATE" if _held_together(tok) else "MOBILIZE", None, (tok,), nominal=True)  # war games
    if tok.dep_ in ("nsubj", "nsubjpass", "ROOT", "dobj") and _trade_ban(tok):
        return Trigger(tok, "SANCTION", "embargo", (tok,), nominal=True)  # "a ban on arms sales to Taiwan"
    stopped = _stopped(tok, lex) if tok.dep_ in ("nsubj", "nsubjpass", "ROOT") else None
    if stopped is not None:
        return Trigger(tok, stopped, None, (tok,), nominal=True)  # "a cessation of hostilities was declared"
    typed = _of_what(tok, lex) if tok.dep_ in ("nsubj", "nsubjpass", "ROOT", "dobj") else None
    if typed is not None:
        return Trigger(tok, typed, None, (tok,), nominal=True)  # "the restoration of diplomatic relations"
    if noun in TRUCES and tok.dep_ == "nsubj" and lex.lemma(tok.head.text) in TAKING_EFFECT:
        return Trigger(tok, "RETREAT", None, (tok,), nominal=True)  # "a ceasefire took hold across Bosnia"
    if noun in TRUCES and tok.dep_ == "dobj" and lex.lemma(tok.head.text) in OBSERVING:
        return Trigger(tok.head, "RETREAT", None, (tok.head, tok))  # "troops observed a ceasefire along the border"
    if not tok.tag_.startswith("NN") or noun not in lex.noun_type or tok.text == "March":
        return None  # "its wettest March on record": the month
    if tok.dep_ not in ("nsubj", "nsubjpass", "ROOT", "dobj", "pobj", "appos"):
        return None
    if any(c.lower_ in FIGURATIVE and lex.noun_type[noun] == "ASSAULT" or noun == "probe" and c.lower_ in SPACECRAFT
           for c in tok.children if c.dep_ in ("compound", "amod")) \
            or tok.doc[tok.i:tok.i + 3].text.lower() == "war of words" \
            or noun == "war" and _war_on_no_party(tok.head, tok, lex):
        return None  # a court battle, a price war, a war of words, a war on a market segment: no one is attacked
    if tok.dep_ == "dobj" and (lex.lemma(tok.head.text) in NEEDING or _prevented(tok.head, lex)):
        return None  # "will need the support of the Greens": what someone lacks, not what was given
    if _to_the_media(tok, noun):
        return None
    if noun in ("explosion", "blast", "fire") and any(c.lower_ in ACCIDENTAL_CAUSES for c in tok.children
                                                      if c.dep_ in ("compound", "amod", "nmod")):
        return None  # "a methane explosion at the coal mine", "a gas blast": an accident
    if _note_of_protest(tok):
        return Trigger(tok, "ACCUSE", None, (tok,), nominal=True)  # "delivered a formal note of protest to Bogota"
    if _judged_crime(tok):
        return None  # "found six officers guilty of the kidnapping and murder of dissidents": the verdict is the act
    if noun == "charge" and (tok.head.lower_ == "of" and tok.head.head.lower_ == "free" or tok.head.lower_ == "in"):
        return None  # "handed over free of charge", "the officer in charge": no accusation
    if noun == "threat" and tok.dep_ != "ROOT" and not any(c.dep_ in ("prep", "acl", "relcl", "poss") for c in tok.children):
        return None  # "expose ourselves to security threats": a risk; a threat is made by someone, to someone or to do something
    if _lull(tok, lex) or tok.dep_ == "nsubj" and (lex.lemma(tok.head.text) in JUDGED or _judged_likely(tok.head)):
        return None  # "argued that sanctions do not work", "sanctions were unlikely to change ...": a judgement
    if in_a_name(tok):
        return None  # "the Status of Forces Agreement", "the World Governments Summit": a name, not an act
    if entitled(tok):
        return None  # "an obligation to facilitate humanitarian assistance"
    if _predicated(tok) and designates(tok.head, lex):
        return None  # "declared Venezuela a threat to US national security": what Venezuela is said to be
    if noun in STATE_NOUNS and not _happening(tok, lex):
        return None  # "since the war started", "after Russia's invasion of Ukraine": the backdrop, not an act
    etype = lex.noun_type[noun]
    if etype == "MOBILIZE" and any(t.lower_ in PEACEKEEPING for t in tok.subtree):
        return Trigger(tok, "AID", "peacekeeping", (tok,), nominal=True)  # "the deployment of NATO peacekeeping troops"
    if noun in EXERCISES and etype in ("COOPERATE", "MOBILIZE"):  # "French and Egyptian warships began exercises"
        if tok.dep_ == "pobj" and tok.head.lower_ in ("during", "in", "at"):
            return None  # "a submarine sank during naval exercises": the setting of another event
        return Trigger(tok, "COOPERATE" if _held_together(tok) else "MOBILIZE", None, (tok,), nominal=True)
    trig = _modified(Trigger(tok, etype, lex.modes.get((etype, noun)), (tok,), nominal=True), lex)
    if trig.type in HOSTILE and SCORE.search(tok.doc.text):
        return None  # "a late strike from the substitute sealed a 2-1 win": a match
    return trig


SETTLING = frozenset({"sign", "reach", "seal", "clinch", "negotiate", "conclude", "agree", "broker", "strike"})
STOPPAGES = frozenset({"cessation", "suspension", "halt", "end", "moratorium", "stop", "removal", "lifting", "easing",
                       "relaxation", "repeal"})
RESTORING = frozenset({"restoration", "establishment", "normalisation", "normalization", "resumption", "upgrading"})
SHARING = frozenset({"exchange", "exchanges", "sharing", "swap"})
TIES = frozenset({"relations", "ties"})


def _of_what(noun: Token, lex: Lexicon) -> str | None:
    """A noun whose type its "of" object settles: "the restoration of diplomatic relations between Cuba and the
    United States" (SUPPORT, CAMEO 05), "an exchange of intelligence on Islamic State cells" (COOPERATE, 06)."""
    word = noun.lower_
    if word not in RESTORING and word not in SHARING:
        return None
    objs = {g.lower_ for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"}
    if word in RESTORING and objs & TIES:
        return "SUPPORT"
    if word in SHARING and objs & EVIDENCE:
        return "COOPERATE"
    return None


HOSTILITIES = frozenset({"hostilities", "fighting", "attacks", "attack", "violence", "offensive",
                         "offensives", "bombing", "bombings", "shelling", "raids", "strikes", "struggle"})
TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
OBSERVING = frozenset({"observe", "respect", "honour", "honor", "begin", "start", "extend", "maintain", "keep"})
TAKING_EFFECT = frozenset({"take", "come", "go", "begin", "start", "enter", "hold"})  # "took hold/effect", "came
# into force", "went into effect", "began at midnight": the guns are silent


TRADE = frozenset({"sale", "sales", "export", "exports", "import", "imports", "loan", "loans", "trade", "investment",
                   "investments", "shipment", "shipments", "delivery", "deliveries", "credit", "credits"})


def _trade_ban(noun: Token) -> bool:
    """"a ban on the sale of computers to South African forces", "a ban on imports from Iran": an embargo."""
    return noun.lower_ in ("ban", "bans", "prohibition", "moratorium") and any(
        g.lower_ in TRADE for p in noun.children if p.dep_ == "prep" and p.lower_ == "on"
        for g in p.children if g.dep_ == "pobj")


def _stopped(noun: Token, lex: Lexicon) -> str | None:
    """"a complete cessation of military operations", "a three-month suspension of attacks on Israelis": a
    truce declared (RETREAT, CAMEO 0871), not a sanction or an attack; "the end of the curfew", "an end to
    sanctions": a measure eased (CONCEDE)."""
    if lex.lemma(noun.text, noun=True) not in STOPPAGES and noun.lower_ not in STOPPAGES:
        return None
    for g in (g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
              for g in p.children if g.dep_ == "pobj"):
        if g.lower_ in SIEGES:
            return "RETREAT"  # "the lifting of the siege": CAMEO 0872
        kind = lex.noun_type.get(lex.lemma(g.text, noun=True))  # the noun's own type: "air links" are no attack
        armed = g.lower_ == "operations" and any(m.lower_ in ("military", "combat", "armed", "offensive")
                                                 for m in g.children if m.dep_ == "amod")  # not "relief operations"
        if g.lower_ in HOSTILITIES or armed or kind == "ASSAULT":
            return "RETREAT"
        if kind in ("COERCE", "SANCTION"):
            return "CONCEDE"
    return None


INQUIRIES = frozenset({"inquiry", "inquiries", "probe", "probes", "investigation", "investigations", "hearings",
                       "hearing", "inquest"})
VERDICTS = frozenset({"guilty", "liable", "innocent", "responsible", "convicted", "acquitted", "cleared", "accused",
                      "charged", "indicted", "suspected"})


def _judged_crime(noun: Token) -> bool:
    """The crime a verdict or a charge names ("guilty of the kidnapping", "liable for the torture of civilians",
    "convicted of murder"): what a court judges, not an act the sentence reports."""
    if noun.dep_ == "conj":
        noun = noun.head  # "of the kidnapping and murder"
    if noun.dep_ == "pobj" and noun.head.lower_ == "into" and (noun.head.head.lower_ in INQUIRIES or any(
            c.lower_ in INQUIRIES for c in noun.head.head.children if c.dep_ == "dobj")):
        return True  # "began hearings into the killing of 13 Arab citizens", "a probe into alleged bribes": investigated
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "for"):
        return False
    above = list(noun.head.ancestors)[:3]  # ("guilty on Thursday of the kidnapping": the parser hangs "of" on the day)
    return any(a.lower_ in VERDICTS or any(c.lower_ in VERDICTS for c in a.children if c.dep_ in ("oprd", "acomp", "ccomp"))
               for a in above)


def _done_jointly(noun: Token) -> bool:
    """"joint patrols", "coordinated patrols", "a jointly managed border post"."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "advmod")]
    return any(c.lower_ in JOINT or any(g.dep_ == "advmod" and g.lower_ in JOINT for g in c.children) for c in mods)


EXERCISES = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "game"})
SPOKEN = frozenset({"conference", "meeting", "session", "address", "briefing", "appearance", "interview"})  # "a joint
# meeting" is a meeting (CONSULT), "a joint press conference" words to the media: no joint action either way
JUDGED = frozenset({"work", "fail", "succeed", "backfire", "help", "hurt", "matter", "bite"})  # what a measure does
LIKELIHOOD = frozenset({"unlikely", "likely", "ineffective", "effective", "counterproductive", "useless", "futile",
                        "pointless", "unworkable", "necessary", "justified", "unjustified"})


def _judged_likely(verb: Token) -> bool:
    """"the sanctions were unlikely to change Pyongyang's behaviour", "sanctions are counterproductive": a
    copula with an adjective of likelihood or worth judges the measure, no one imposes it."""
    return verb.lower_ in COPULA and any(c.dep_ == "acomp" and c.lower_ in LIKELIHOOD for c in verb.children)
SUBSIDING = frozenset({"subside", "abate", "ease", "wane", "die", "pause", "stall"})


def _lull(tok: Token, lex: Lexicon) -> bool:
    """"Fighting has stopped in the capital", "the shelling subsided": a lull, no one's act (whoever
    halts an attack is coded on the halting verb, a RETREAT)."""
    return tok.dep_ in ("nsubj", "csubj") and lex.lemma(tok.head.text) in HALTING | SUBSIDING \
        and not any(c.dep_ == "dobj" for c in tok.head.children)  # not "a stoppage halted trains": it acts


def in_a_name(tok: Token) -> bool:
    """A capitalised event noun inside a sentence, after a capitalised word of the same name ("the
    Status of Forces Agreement", "the Good Friday Agreement", "at the World Governments Summit"): the
    name of a treaty, a meeting or a war. Not in a headline written in title case, where every noun
    has a capital."""
    if tok.i == 0 or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    if not any(t.is_alpha and len(t) > 4 and t.is_lower for t in tok.doc):
        return False  # "Arab Leaders Agree to Form Joint Force Against Houthis": title case keeps short words small
    after = tok.doc[tok.i + 1:tok.i + 3]
    if len(after) == 2 and after[0].lower_ == "of" and after[1].tag_ in ("NNP", "NNPS"):
        return True  # "the Battle of Stalingrad", "the Siege of Leningrad": a name from history
    before = tok.doc[tok.i - 1]
    if before.lower_ == "of" and tok.i > 1:
        before = tok.doc[tok.i - 2]  # "the Conference of Berlin"
    return before.text[:1].isupper() and (before.i > 0 or before.tag_ in ("NNP", "NNPS"))


SERVICES = frozenset({"army", "force", "forces", "navy", "marines", "guard", "police", "troops", "units", "corps"})


def _held_together(noun: Token) -> bool:
    """The exercise is held by two or more parties named together or counted ("French and Egyptian
    warships launched war games", "Japan and the Philippines held drills", "the two navies held
    exercises") or called joint; one party's exercise is a show of force (MOBILIZE), even when its own
    services hold it jointly ("India's army, air force and navy began their largest joint exercises")."""
    verb = verb_above(noun)
    subj = _subject(verb) if verb is not None else None
    services = [subj, *(c for c in subj.subtree if c.dep_ == "conj")] if subj is not None else []
    if services and any(c.dep_ == "poss" for c in subj.children) and all(t.lower_ in SERVICES for t in services) \
            and not any(c.dep_ == "poss" for t in services[1:] for c in t.children):  # not "India's army and
        return False  # China's People's Liberation Army"
    if any(c.lower_ in JOINT for c in noun.children if c.dep_ in ("amod", "compound", "advmod")):
        return True
    return subj is not None and (any(t.dep_ == "conj" for t in subj.subtree) or any(
        c.lower_ in ("two", "both") for c in subj.children if c.dep_ in ("nummod", "det", "predet")))


def _happening(tok: Token, lex: Lexicon) -> bool:
    """A war or an invasion named as something someone does or that breaks out now ("launched an
    invasion", "fighting erupted"), not as the situation the sentence is set in."""
    verb = lex.lemma(tok.head.text)
    if tok.dep_ == "dobj":
        return verb in WAGING
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return verb in ERUPTING or tok.head.lower_ in ERUPTING
    return tok.dep_ == "ROOT"  # a headline: "War in Sudan"


def find_triggers(doc: Doc, lex: Lexicon) -> list[Trigger]:
    """Every trigger of the sentence, main event first (closest to the root, reporting verbs skipped)."""
    found: list[Trigger] = []
    used: set[int] = set()
    nouns: list[Token] = []
    for tok in doc:
        tag = tok.tag_
        if tag.startswith("VB"):
            trig = classify_verb(tok, lex)
            if trig:
                found.append(trig)
                used |= {t.i for t in trig.words}
            if tok.dep_ == "ccomp":
                found.extend(_demand(tok, lex) + _ruling(tok, lex))
        elif tag.startswith("NN"):
            nouns.append(tok)
        if tok.lower_ in INTENT_WORDS:
            found.extend(_intent(tok, lex))
    for tok in nouns:
        if tok.i not in used and not (tok.head.i in used and tok.dep_ in ("dobj", "attr")):
            trig = classify_noun(tok, lex)
            if trig:
                found.append(trig)
    return sorted(found, key=lambda t: (depth(t.token, lex) + (1.5 if t.nominal else 0) - t.priority
                                        + _secondary(t, found, lex), t.token.i))


def _secondary(trig: Trigger, found: list[Trigger], lex: Lexicon) -> float:
    """How far a trigger ranks below its sentence's main act: a participle trailing the clause ("...,
    blaming Taliban insurgents", "..., demanding the return of ...") adds to an act already reported,
    and a demand is what a protest is for ("on hunger strike to demand a retrial"). A participle of
    giving in or of protesting ranks above the act it qualifies (giving in unless that act is a hostile
    one): "resigned on Tuesday, bowing to pressure from weeks of protests" reports a concession (CAMEO 08),
    "merchants shut their shops, protesting the deportation of four activists" a protest."""
    tok = trig.token
    protests = [t.token for t in found if t.type == "PROTEST"]
    if trig.type == "REQUEST" and any(p in tok.ancestors or p.head in tok.ancestors or p.head == tok.head
                                      or clause_verb(p) in tok.ancestors for p in protests if p.i != tok.i):
        return 2.0  # "has been on hunger strike for 40 days to demand a retrial"
    if any(a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONCESSIVE for m in a.children)
           for a in (tok, *tok.ancestors)):
        return 1.5  # "although it had earlier threatened to walk out, the opposition said it had reached a deal"
    if any(a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in OCCASIONS for m in a.children)
           for a in (tok, *tok.ancestors)):
        return 1.0  # "rioting broke out after police shot a woman": the shooting is what it followed
    if a_purpose(tok):
        return 1.5  # "mounted joint patrols in a bid to curb smuggling": the patrols were mounted
    if describes_noun(trig):
        return 1.0  # "separatist gunmen blamed for a wave of attacks"
    if tok.dep_ == "conj" and conjoined_without_coordinator(tok.head):
        return -1.0  # "fighters besieged in Kunduz surrendered": the predicate the parser put under the participle
    if hung_on_subject(tok):
        return -1.5  # the sentence's predicate, whatever the parse put above it
    if tok.tag_ == "VBG" and tok.dep_ == "advcl" and not trig.nominal:
        verb = lex.lemma(tok.text)
        if trig.type == "CONCEDE" and (verb in YIELDING or verb == "give" and any(w.lower_ == "in" for w in trig.words)) \
                and not any(t.token.i == tok.head.i and t.type in HOSTILE for t in found):
            return -1.5  # "resigned on Tuesday, bowing to pressure": the participle says what the act was
        if trig.type == "PROTEST" and verb == "protest" and _civilian_subject(tok.head, lex):
            return -1.5  # "merchants shut their shops, protesting the deportation of four activists" (not a
            # state's protest: "Egypt recalled its ambassador, protesting the invasion" stays a recall)
        return 1.0
    return 0.0


CONCESSIVE = frozenset({"although", "though"})
YIELDING = frozenset({"yield", "bow", "succumb", "relent", "acquiesce", "accede", "cave", "meet", "heed"})  # giving in
OCCASIONS = frozenset({"after", "amid", "following", "despite", "before", "since", "ahead"})  # when, or on what occasion
AIMS = frozenset({"bid", "effort", "efforts", "attempt", "attempts", "drive", "push", "order", "move", "quest", "hope",
                  "hopes", "aim"})


def a_purpose(tok: Token) -> bool:
    """What an act is done for, not the act: the clause of "in a bid to curb smuggling", "(in order) to
    quell the unrest", "aimed at curbing raids" (for a noun, the clause it stands in: "in an effort to
    impose sanctions"), and what that clause's verb is to bring about ("in a bid to force X to free ...")."""
    verb = clause_verb(tok)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and not (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "at"):
        return False
    if verb.dep_ == "xcomp" and verb.head.tag_.startswith("VB"):
        return a_purpose(verb.head)  # "in an attempt to force Hamas to free the hostages": freeing is the aim too
    if verb.dep_ == "acl":
        return verb.head.lower_ in AIMS
    if verb.dep_ == "pcomp":
        return verb.head.head.lower_ in ("aimed", "aiming", "aim", "designed", "intended")
    return verb.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def describes_noun(trig: Trigger) -> bool:
    """A past participle describing a noun tells who or what, not what happened: "separatist gunmen blamed
    for a wave of attacks", "a demobilisation plan agreed with the government", "fighters besieged in
    Kunduz surrendered" (but when the noun is the parse's root, the participle is the predicate the parser
    missed: "870 members of the bloc disarmed")."""
    tok = trig.token
    if trig.nominal:
        return False
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.dep_ != "ROOT" and not hung_on_subject(tok) \
        or conjoined_without_coordinator(tok)


def a_disposition(tok: Token) -> bool:
    """"a moderate Democrat willing to criticize his party": an intent word describing someone the
    sentence mentions (not its subject) tells what kind of person they are, not what they said or did."""
    return tok.lower_ in INTENT_WORDS and tok.dep_ == "amod" and tok.head.dep_ not in ("nsubj", "nsubjpass")


ANSWERING = frozenset({"answer", "respond", "counter", "repel"})


def _with_force(verb: Token) -> bool:
    """"answer any aggression with force", "meet any provocation with force": a response in arms."""
    holders = [verb, *(o for o in verb.children if o.dep_ == "dobj")]  # the parser often hangs "with" on the object
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.lower_ in ("force", "strength", "might") for g in c.children if g.dep_ == "pobj")
        for h in holders for c in h.children)


def _intent(tok: Token, lex: Lexicon) -> list[Trigger]:
    """"ready to talk" is an AGREE, "prepared to impose martial law" a THREATEN."""
    if a_disposition(tok):
        return []
    comp = next((c for c in tok.children if c.dep_ == "xcomp" or c.dep_ == "advcl" and _infinitive(c)),
                None)  # "have sworn to fight" (parsed as advcl)
    if comp is None:
        return []
    inner = classify_verb(comp, lex) if comp.tag_.startswith("VB") else None
    firmly = lex.lemma(comp.text) == "deal" and any(c.lower_ in STERNLY for c in comp.children)
    firmly = firmly or _with_force(comp)  # "vowed to answer any aggression with force"
    hostile = inner is not None and inner.type in HOSTILE or lex.lemma(comp.text) in FORCEFUL or firmly \
        or any(_noun_type(o, lex) == "ASSAULT" for o in _object_nouns(comp))
    if tok.tag_.startswith("VB") and not hostile:
        return []  # "vowed to cooperate": the verb's own type (AGREE) stands
    etype = "THREATEN" if hostile else "AGREE"
    return [Trigger(tok, etype, None, (tok,), priority=0.5)]  # "sworn to fight" is a threat, not a fight


def _demand(clause: Token, lex: Lexicon) -> list[Trigger]:
    """"X said Y must/should do Z" is X's demand on Y (REQUEST), whatever Z is."""
    if lex.lemma(clause.head.text) not in lex.reporting["say"]:
        return []
    modal = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
    return [Trigger(clause.head, "REQUEST", "demand", (clause.head, modal), priority=0.5)] if modal is not None else []


RULING = frozenset({"rule", "find", "conclude", "decide", "declare"})
JUDGES = JUSTICE | {"judge", "judges", "panel"}  # who rules (JUSTICE: who fugitives are handed to)
BREACHING = frozenset({"violate", "breach", "break", "infringe", "flout", "contravene"})


def _ruling(clause: Token, lex: Lexicon) -> list[Trigger]:
    """"The European Court of Human Rights ruled that Turkey had violated the rights of Kurdish villagers":
    a court finding a party in breach accuses it (CAMEO 11), whatever the breach."""
    ruling = clause.head
    subj = _subject(ruling, active_only=True)
    if lex.lemma(ruling.text) not in RULING or lex.lemma(clause.text) not in BREACHING or subj is None \
            or subj.lower_ not in JUDGES:
        return []
    return [Trigger(ruling, "ACCUSE", None, (ruling,), priority=0.5)]


def depth(tok: Token, lex: Lexicon) -> float:
    """Distance to the root, not counting reporting frames: the event inside "X said ..." or
    "... , a rights group charged" is the main one (but not inside "accused X of ...")."""
    d = 0.0
    while tok.head.i != tok.i:
        child, tok = tok, tok.head
        lemma = lex.lemma(tok.text) if tok.tag_.startswith("VB") else ""
        frame = lemma in lex.reporting["say"] or (lemma in lex.reporting["claim"] and child.dep_ == "ccomp")
        if not frame:
            d += 1 if tok.tag_.startswith("VB") else 0.5
    return d

"""PLOVER event coding: who did what to whom, where and when, traceable to the sentence.

    resources = load_resources()            # once per process
    events = extract_events(article, resources)
    linked = link_mentions(events_of_many_articles)
"""
from .extract import extract_events, extract_events_many
from .linking import LinkedMention, Story, link_mentions
from .model import CODER_VERSION, ArticleInput, Event, EventLocation, Participant
from .resources import Resources, load_resources

__all__ = ["CODER_VERSION", "ArticleInput", "Event", "EventLocation", "LinkedMention", "Participant", "Resources", "Story",
           "extract_events", "extract_events_many", "link_mentions", "load_resources"]

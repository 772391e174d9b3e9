"""Topics: which sources write about them and how sensitive their records tend to be.

The tables live in data/topics.yaml; the exceptions for religion.us-engagement (only the
embassy writes about it, and never in confidence) are code.
"""

from __future__ import annotations

from .data import load

_topics = load("topics")
# Source tags that suit a topic, by main category or its first part.
TOPIC_TAGS: dict[str, list[str]] = _topics["source_tags"]
ABUSE_KINDS: dict[str, int] = _topics["source_kinds"]["abuse"]
POLICY_KINDS: dict[str, int] = _topics["source_kinds"]["policy"]
# Membership tests only: never iterated, so the sets cannot change the output.
POLICY_TOPICS = frozenset(_topics["policy_topics"])
SENSITIVE_TOPICS = frozenset(_topics["sensitive_topics"])
INCIDENT_TOPICS = frozenset(_topics["incident_topics"])


def topic_tags(topic: str) -> tuple[str, ...]:
    for key in (topic, topic.split(".")[0]):
        if key in TOPIC_TAGS:
            return tuple(TOPIC_TAGS[key])
    return ("general",)


def topic_kinds(topic: str) -> dict[str, int]:
    if topic == "religion.us-engagement":
        return {"mission": 1}
    return POLICY_KINDS if topic in POLICY_TOPICS else ABUSE_KINDS


def topic_sensitivity(topic: str) -> tuple:
    if topic == "religion.us-engagement":
        return (("public", 60), ("restricted", 40))
    if topic in SENSITIVE_TOPICS:
        return (("public", 32), ("restricted", 45), ("confidential", 23))
    return (("public", 58), ("restricted", 35), ("confidential", 7))

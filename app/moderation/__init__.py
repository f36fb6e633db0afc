"""Moderation: the queue of join requests and posts, their checks, and the CM's decisions.

* `intake`: items in (CSV/JSON files, pasted lines, the quick-add form), duplicates merged;
* `matching`: is this person one of our graduates? (email, LinkedIn, fuzzy name + class year);
* `checks`: every explained signal (graduate match, spam/commercial/recruiting words, links,
  phone numbers, shouting, the same text many times) and the suggestion they lead to;
* `queue`: the list, the decisions (each logged, automatic or not, and reversible), member
  verification, statistics;
* `settings`: keyword and domain lists, canned replies, templates, rules (stored in the store).
"""

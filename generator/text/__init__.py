"""Shared language primitives: sentences, names, quotation marks, small word vectors.

Takes plain text; gives sentences (``sentences``), named entities with their kinds
(``entities`` and its word lists ``entity_tables``), person names, titles and pronoun
antecedents (``persons``), paired quotation marks (``quotemarks``), the grammar of attribution
cues (``cuegrammar``) and TF-IDF vectors for short texts (``textvec``).

Used by every stage from ``clean`` on. Imports only ``generator.model`` (and the word lists in
``generator/resources/``); never a pipeline stage, never ``timex``.
"""

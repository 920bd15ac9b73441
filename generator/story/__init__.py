"""Story: one story's draft and its sources' extractions merged into a ``Story``.

Takes a ``StoryDraft`` and the ``Extraction`` of each of its sources; gives a ``Story``
(``merge.merge``): its title and extractive summary (``summary``), the merged timeline with
disputes (``timeline``), the key quotes with speakers (``keyquotes``) and its tags.

Imports ``model``, ``config``, ``errors``, the primitives ``text`` and ``timex``, and the stages
before it; never ``site`` or the orchestration.
"""

"""Group: sources folded, grouped into stories, dated, and named stably across builds.

Takes cleaned ``Article``s; gives ``Source``s (``dedupe.fold``: near-duplicates folded), their
per-article ``Features`` (``features``: names and stated dates, cached), ``StoryDraft``s
(``cluster.group_stable`` over ``vectors`` and ``blocking``, look-alikes split by ``linkage``),
drafts with trusted publication and reference dates (``reconcile``), and stable slugs with
redirects across builds (``identity`` over the published ``history``).

Imports ``model``, ``config``, ``errors``, the primitives ``text`` and ``timex``, and the
stages before it (``ingest``, ``clean``); never ``extract``, ``story``, ``site`` or the
orchestration (``pipeline``, ``cache`` ...).
"""

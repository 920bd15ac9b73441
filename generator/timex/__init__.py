"""The temporal tagger behind ``generator.dates.find_dates``.

- ``patterns``: word tables (months, numbers, units, holidays, vague references) and the regex
  fragments built from them.
- ``calendar_rules``, ``relative_rules``, ``amount_rules``: the surface rules, each a compiled
  pattern, the trigger words it needs and a resolver returning a TIMEX3 (value, type).
- ``resolve``: date arithmetic anchoring relative expressions to the reference date.
- ``tense``: whether the clause around an expression looks back or ahead.
- ``base``: the Rule and Context types shared by the rule modules.
"""

"""Reading a report, one concept per module, joined at the end by the report and sentence coordinators.

``report`` (title, headings, blocks) -> ``sentence`` (one statement) -> ``heads`` (the counts in it and the
nouns they count) -> the resolvers, each returning its answer for one count: ``measure``, ``period``,
``parties`` (with ``agents``: unknown actors and anaphora), ``governorates``; beside them ``percents`` and
``zeros``. ``dates`` reads period phrases, the report month and the publication date; ``text`` splits
sentences and quotes them; ``model`` holds the records they share. The words they look for are data:
``snhr_data/vocab/*.yaml``, asked for by name through ``snhr_data.grammar``.
"""

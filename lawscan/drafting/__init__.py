"""Drafting aids.

* ``suggest(doc, verdict=None) -> Suggestion`` (suggest.py): a proposed digital-environment
  chapter (or the articles a digital chapter misses), renumbering and shifted cross-references;
  ``render_markdown`` / ``render_text`` / ``render_docx`` / ``write_suggestion``;
* ``diff_documents(old, new) -> DocDiff`` (diff.py): two versions of a draft aligned unit by unit,
  with the change in verdict and findings; ``render_diff(d, fmt)``;
* ``annotate(data, result, rules) -> Annotated`` (annotate.py): the findings back in Word, a copy
  of a .docx draft with one comment per finding on the paragraph of its unit; ``read_draft``,
  ``write_copy``.
"""

"""Benchmarks of the portal (`make bench`, `python -m bench.run`).

Every figure is reported as a ratio to a baseline measured in the same run
(a minimal Flask+Jinja page, or Rasa's REST channel for the chat), never as an
absolute time in a test. See docs/benchmarks.md.
"""

"""Writing: what was recognised, as a person reviews it.

- `draft_yaml`: the corpus YAML, keys in the corpus's order, doubts as comments.
- `report`: what was recognised, what needs a decision, what was left out.
- `result`: `ImportResult`, all of that for one document.
- `unplaced_words`: the proof that every word read is in the draft, in a
  marker the structure stands for, or in what was left out.
"""

"""Corpora mutated at random, for the fuzzing of the corpus checker
(tests/generator/corpus/test_fuzz_corpus.py).

- `bases`: the corpora that are mutated, as {relative path: bytes}: the mini
  corpus (tests/support/minicorpus.py) and, when it has any, the shipped one
  (conventions/);
- `mutations`: one mutation applied to such files (`mutate`), a list of them to a
  base (`build`);
- `strategies`: the hypothesis strategies that draw mutations (`MUTATIONS`) and
  whole mutated corpora (`corpora`).
"""

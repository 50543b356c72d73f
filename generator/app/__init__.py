"""The application layer: what each `conventio` command does, as functions
tests can call. It puts the domain packages together (corpus, consolidation,
rendering, generation, diffing, importing, parties) and returns text or writes
files; the command-line layer (`generator.cli`) only parses options, prints
what these functions return and shows progress.

- `show.py`: a document's text (`show`), with what binds one party;
- `history.py`: the versions of a convention (`history`);
- `listing.py`: one line per corpus document (`list`);
- `diff.py`: a comparison of two texts in each output format (`diff`);
- `build.py`: the main job, every text and the issued amendments (`build`);
- `generate.py`: personalised documents and a template's context
  (`generate`, `context`);
- `import_draft.py`: a published document turned into a corpus draft (`import`).
"""

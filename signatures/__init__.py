"""The signature register: who signed what.

Every issued and returned file is kept once, by its SHA-256 (`store.py`); every
fact (issued, sent, signed, declined, superseded, voided, reminder) is an event
in an append-only, hash-chained log (`log/`: the chain, its verification) in
SQLite or PostgreSQL (`db.py`), each saying who recorded it (`recorder.py`).
Status is computed from the events (`status.py`), never stored. `register.py`
is the API (`queries.py`, `lookups.py` its reads); `issuing.py` checks a
manifest's documents against the identity their files carry (`identity.py`);
`records.py` the events recorded by hand (manual records) or by the import of
signed PDFs (`importing.py`, verified).

A returned signed PDF is checked by `pdfcheck/` (facts read, rules applied) and
`signer_rules.py` (who may sign); what they find is named in `reasons.py`
(verdicts and reasons, as enums) and said in plain words by `wording/`, the one
place for those sentences.

`reports.py` and `exports.py` the reports; `cli/` the `conventio signatures ...`
commands and what they print (the only modules that import click);
`samples/` sample manifests and a throw-away signing CA for tests and
benchmarks.

This package may import `generator` (its model and errors); `generator`
never imports it. Importing this package imports nothing else: `from
signatures.register import Register`."""

"""Samples for benchmarks, tests and demonstrations, made in memory or in a folder the
caller gives (nothing here runs when the register is used):

- `issued`: small DOCX files that carry a conventio identity, listed in a manifest like
  the one `conventio generate` writes (`write_sample_manifest`), to issue from;
- `signing_ca`: a throw-away certificate authority that signs PDFs as a signer would
  (`signing_ca`, `sign_field`), and its root to trust.

Importing this package imports nothing else."""

"""The signing roles, as the register uses them.

Who signs which document is decided once, when the copy is generated (the rule
is `generator.model.signing`), and written into the manifest with the party
signing in each role; the register reads it from there (signatures/issuing.py)
and never decides again. What is the register's own is here: which roles one
certificate may sign together."""

from __future__ import annotations

from generator.model.documents import ROLES

__all__ = ["MAY_SHARE_CERTIFICATE", "ROLES"]

#: the pairs of roles that one certificate (one person) may sign together; any other two
#: roles of a document need two different certificates. A network is represented by its
#: hospital (a network's `hospital` in the party file), so the person who signs for that
#: hospital may sign for the network too.
MAY_SHARE_CERTIFICATE = frozenset({frozenset({"network", "hospital"})})

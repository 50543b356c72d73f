"""Flows that cross packages: hostile inputs, file permissions, the wheel, from
issue to signature, round trips through LibreOffice and the importer, what the
command line never prints. See tests/README.md."""

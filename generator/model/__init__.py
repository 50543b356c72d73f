"""The corpus as typed data: texts, provisions, amendments, annexes, parameters."""

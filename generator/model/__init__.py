"""The corpus as typed data, and the concepts every other part shares; the
bottom layer: it imports nothing else of conventio.

- documents.py, provisions.py, annexes.py, parameters.py, pseudocodes.py, text.py:
  the pydantic models of a corpus file, each declaring its fields in the order a
  file writes them (document_types.py maps a file's `type` to its model);
- addresses.py: the address (eId) of every provision, and how it reads in words;
- order.py: the order amendments and their operations apply in;
- slots.py: the party data a text may name, each slot with its attributes;
- signing.py: who signs which document, decided when a copy is generated.
"""

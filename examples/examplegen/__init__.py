"""The builders and writers behind examples/make_examples.py (FICTIONAL data).

Not part of the installed package: make_examples.py, run as a script, puts its
own folder (examples/) on Python's path and imports from here.
"""

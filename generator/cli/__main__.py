"""`python -m generator.cli`: the same as the `conventio` command."""

from generator.cli import main

main()

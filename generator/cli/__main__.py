"""`python -m generator.cli`: the same as the `conventio` command."""

from generator.cli import main

if __name__ == "__main__":
    main()

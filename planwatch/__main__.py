"""`python -m planwatch`: the same as the `planwatch` command."""

from .cli import main

if __name__ == "__main__":
    main()

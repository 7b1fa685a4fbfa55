"""`python -m generator`: the same as the `dossier` command."""

from generator.command import run

run()

"""`python -m generator`: the same as the `dossier` command."""

from generator.cli.command import run

run()

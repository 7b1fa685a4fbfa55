"""`python -m generator` is the `dossier` command."""

from generator.cli import main

raise SystemExit(main())

"""dossier: a static site generator for story dossiers."""

__version__ = "0.1.0"

"""What makes a rebuild cheap, behind the stages: the parse cache, page signatures
(fingerprints), the page store, and the prose-only shortcut from the command line."""

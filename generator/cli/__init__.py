"""The command line: arguments in, one call to the pipeline (or to a dev or authoring
command) and an exit status out; the progress line on a terminal."""

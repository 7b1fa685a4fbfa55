"""Rendered pages and static files in, output/ out: written out of place and put in place
only when the whole build succeeded, so a failed build never damages output/."""

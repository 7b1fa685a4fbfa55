"""Helping a writer add content: `init` (a new site with samples), `new` (a file from a
template) and `import` (plain-text stories into articles, with actor and event detection)."""

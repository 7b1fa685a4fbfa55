"""Helping a writer add content: `new` (a file from a template) and `import`
(plain-text stories into articles, with actor and event detection)."""

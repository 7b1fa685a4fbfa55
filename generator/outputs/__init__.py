"""What pages show besides prose, from views' data: SVG charts and relationship graphs,
Atom feeds, and the split search index."""

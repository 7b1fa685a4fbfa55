"""Open data: the site as files other tools read (FollowTheMoney, CSV, GEXF, TimelineJS).

In: a `Site`. Out: `DataFile`s (a path under `data/` and its text), the same for a build
(written through the page path, `pages.opendata`) and for `dossier export`; and what the
"Open data" page says of every file and column. Imports the model and the floor only.
"""

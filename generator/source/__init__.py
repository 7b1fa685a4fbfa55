"""Files in, typed documents out: site.yaml as a frozen Config, the site's folders walked
(nothing from outside the site), each source read, its YAML guarded and its front matter
checked field by field into ArticleDoc, ActorDoc and EventDoc, with errors as values."""

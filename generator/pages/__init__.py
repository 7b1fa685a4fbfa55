"""A Site in, pages out: the views (one PageView per page: path, template, context)
and their rendering through Jinja with the theme and the site's own templates."""

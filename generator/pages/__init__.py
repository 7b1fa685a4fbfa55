"""A Site in, pages out: the views (one PageView per page: path, template, context)
and their rendering through Jinja with the theme and the site's own templates. One
module per page family; what the families share is derived once, up front (`shared`);
templates see view records only, never the model's."""

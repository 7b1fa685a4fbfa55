"""Documents and rendered bodies in, one frozen Site out: every name resolved to one
entity by the one name resolver (clashes reported against both files), both directions
indexed, backlinks, quotes and claims gathered; and the site's names as the Markdown
plugins need them."""

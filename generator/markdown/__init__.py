"""Markdown bodies in, rendered HTML out: the markdown-it-py factory and the plugins that
link mentions of the site's names, resolve wiki links and attribute quotes, recording
the references and quotes they find for the model."""

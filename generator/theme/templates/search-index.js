{#- The search index as a script, so that it loads from file:// too (see generator/search.py).
    `tojson` writes JSON with every non-ASCII character as \uXXXX and escapes <, >, & and '
    the same way: nothing in the data can close a <script> or start a comment. -#}
window.DOSSIER_SEARCH = {{ index | tojson }};

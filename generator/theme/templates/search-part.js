{#- One part of the search index (see generator/search.py): search.js finds it by `part`
    in window.DOSSIER_SEARCH_PARTS once the script has run. `tojson` escapes as in
    search-index.js, so nothing in the data can close a <script>. -#}
(window.DOSSIER_SEARCH_PARTS = window.DOSSIER_SEARCH_PARTS || {})[{{ part | tojson }}] = {{ data | tojson }};

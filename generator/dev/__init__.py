"""The writer's loop: `watch` (debounced file events to one rebuild each) and `serve`
(a loopback web server for output/ with live reload and an error overlay)."""

"""Views of the peer exchange, one module per area."""

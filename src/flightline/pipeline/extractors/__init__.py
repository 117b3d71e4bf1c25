"""Field extractors, one module per family of documents."""

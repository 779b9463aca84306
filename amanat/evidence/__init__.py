"""File intake for every channel and every app: the type from the content, caps per kind,
private originals under their SHA-256, metadata-free copies for display, redaction."""

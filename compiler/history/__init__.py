"""History: immutable versions, the diff between two of them, and Markdown export and import."""

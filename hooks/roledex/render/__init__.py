"""Page renderers: plain functions from the knowledge base to Markdown, with no MkDocs import."""

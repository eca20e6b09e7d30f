"""The knowledge base as files say it: the schema, reading one file, the records, loading a
docs folder, the site settings, and writing files back safely. Imports nothing above it."""

"""roledex: a job-search knowledge base kept as Markdown with YAML front matter.

Only its `plugin` layer imports MkDocs: the command line, the MkDocs plugin and the tests all
go through the same path (files, then the model, then the checks, then the pages).
"""

__version__ = "0.2.0"
"""The one place the version is written (pyproject.toml reads it); tagged vX.Y.Z."""

"""roledex: a job-search knowledge base kept as Markdown with YAML front matter.

The package imports nothing from MkDocs: the command line, the MkDocs hook and the tests
all go through the same path (files, then the model, then the checks, then the pages).
"""

__version__ = "0.1.0"

"""Names vulture takes for unused that are used, each with why (`vulture hooks scripts/vulture_allowed.py`)."""

builder  # noqa: B018, F821 (MkDocs passes on_serve's builder by name; roledex rebuilds through MkDocs)

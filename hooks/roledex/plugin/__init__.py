"""The MkDocs plugin: MkDocs' events in, roledex's pages out. The adapter holds no rules."""

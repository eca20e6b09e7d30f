"""The `roledex` command line: one module per command, each parsing nothing and deciding nothing
beyond turning arguments into a call and an outcome into an exit status."""

"""The command-line layer: thin commands over the domain and the adapters."""

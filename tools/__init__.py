"""Developer tools: the local stack, content checks."""

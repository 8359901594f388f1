"""Blueprints: thin views over the content, search and API modules."""

"""Content: parsing, validation, import, rendering and composition of articles."""

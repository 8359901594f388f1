"""Custom NLU graph components of the CJG assistant."""

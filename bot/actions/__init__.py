"""Custom actions of the CJG assistant (run with: rasa run actions)."""

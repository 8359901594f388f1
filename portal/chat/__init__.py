"""The chat: conversations with the assistant (and later a CJG worker)."""

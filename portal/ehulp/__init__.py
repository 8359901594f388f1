"""E-hulp: handing a conversation to a CJG worker, the live-chat queue,
anonymous questions (e-consult), the worker console's domain logic."""

"""Young people's stories on JongIn: written anonymously, read by an editor
before anything appears (pre-moderation), photos checked and cleaned.
Plain modules, no Flask."""

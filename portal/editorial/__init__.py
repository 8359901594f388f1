"""The editorial board's domain: the workflow of local articles (states and
who may move them), revisions with diff and restore, optimistic locking,
scheduled publication and the writing checks. Plain modules: no Flask."""

"""The national content package: read the national content feed, check it,
and bring the national articles in line with it, recording every run.
Plain modules, no Flask: feed (reading), convert (text), validate (checking),
apply (the Article table), sync (one recorded run), diff (for editors)."""

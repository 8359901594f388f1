"""What the eindredacteur keeps: local news and the agenda, the course and
activity offer, the poll and the newsletter. Plain modules, no Flask: the
models, the checks of what editors type, what is visible when, the vote
count and the newsletter's composition. The pages are in portal/views/board.py."""

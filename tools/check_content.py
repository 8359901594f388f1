"""Check some content files before they go in: front matter, word count,
readability, jargon, links and placeholders (no corpus rules).

    /work/main/.venv/bin/python tools/check_content.py content/national/baby-huilt-veel.md ...

Exit code 1 when a file has a problem. The whole corpus: `make lint-content`.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal.content.lint import lint_files  # noqa: E402


def main(paths: list[str]) -> int:
    """Print each problem, then one line per readable file."""
    if not paths:
        print(__doc__.strip())
        return 2
    result = lint_files(paths)
    for error in result.errors:
        print(error)
    for article in result.articles:
        stats = result.stats[article.slug]
        print(f"{article.path}: {stats.words} woorden, Flesch-Douma {stats.readability:.0f}")
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Helpers `make` runs from the project: `python -m scripts.lighthouse`,
`python -m scripts.test_latest` (and debian-packages.sh)."""

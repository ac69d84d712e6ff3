"""`make bench`, run from the project as `python -m bench.run` and
`python -m bench.attack` (README.md here says what they measure)."""

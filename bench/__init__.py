"""Benchmarks behind `newsdesk bench extraction|events|runs`: each prints its numbers and has floors.

The scores come from the shared scorers in `../shared/bench/` (loaded by `bench.scorers`), so the
numbers printed here are the ones those tools print; nothing from `../shared` is copied into the repo.
"""

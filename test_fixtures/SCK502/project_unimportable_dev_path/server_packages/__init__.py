"""Code that never runs: a module whose top-level imports name the author's own tree."""

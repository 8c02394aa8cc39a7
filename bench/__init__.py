"""Load benchmarks against a running Sakråd server (bench/README.md)."""

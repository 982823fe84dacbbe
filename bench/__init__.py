"""Benchmarks, not shipped in the wheel: synthetic city files (`synth`) and the timing script (`run`)."""

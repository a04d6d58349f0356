"""lawscan: does this Vietnamese law or draft bill govern activity in the digital environment,
and what is missing?  See README.md; the pipeline is described in lawscan/model.py."""

__version__ = "0.1.0"

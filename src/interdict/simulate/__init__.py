"""Synthetic regional traffic from the threat picture: shipments, outcomes, watchlist, ground truth.

`generate` writes the files (see `generator` for what each holds); `cli.app` is the command.
"""

from interdict.simulate.generator import SimulationSummary, generate

__all__ = ["SimulationSummary", "generate"]

"""workshop-kit: the engine and faces of the Network Days on permanence with family overseas.

Training material, not legal advice.
"""

__version__ = "0.1.0"

DISCLAIMER = (
    "Training material, not legal advice. The law of England and Wales as summarised for the "
    "Network Days; check every point against the sources cited and take legal advice on a real case. "
    "All case studies are fictional."
)

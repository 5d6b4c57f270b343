"""CAQRN: the daily processing pipeline of the CAQRN research group."""

__version__ = "0.1.0"

"""Writes and rules of the observer network, one module per stage of an observer's journey."""

"""Reads of learning: the app's front door."""

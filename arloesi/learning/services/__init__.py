"""Writes to learning: the app's front door for every change."""

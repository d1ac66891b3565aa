"""Demo and benchmark data for this app (see arloesi.core.sampledata); never imported at runtime."""

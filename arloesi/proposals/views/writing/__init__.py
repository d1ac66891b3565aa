"""The authors' pages: writing a proposal, the people who write and sponsor it, its files,
sending it to the planning group, and the proposal as everyone who may see it reads it."""

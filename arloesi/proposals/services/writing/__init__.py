"""Writing a proposal: its content, the people who write and sponsor it, its files, and sending
it to the planning group."""

"""Use cases shared by the UI and the CLI (assess for the clinic, build the summary)."""

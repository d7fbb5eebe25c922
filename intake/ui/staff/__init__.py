"""Staff mode: sign-in, the review queue, one visit's summary, printing and settings."""

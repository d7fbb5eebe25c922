"""`python -m intake.cli`: the `intake` command, with the package imported once (one `UsageError`)."""

from intake.cli import run

run()

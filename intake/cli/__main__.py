"""`python -m intake.cli`: the `intake` command, with the package imported once (one `UsageError`)."""

import sys

from intake.cli import main

sys.exit(main())

"""The bundle's `intake` program: the command-line tool, as the wheel's console script runs it."""

import sys

from intake.cli import main

sys.exit(main())

"""The bundle's `intake-kiosk` program: the kiosk window, as the wheel's GUI script runs it."""

import sys

from intake.ui.app import main

sys.exit(main())

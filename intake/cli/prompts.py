"""Hidden prompts (the database passphrase, a PIN) that a person may leave with Ctrl-C or Ctrl-D.

Either ends the command before it changes anything, with one line saying so and no
traceback: Ctrl-C exits 130, as a shell reports an interrupted program; Ctrl-D (the end
of input) exits 1, nothing having been typed.
"""

from __future__ import annotations

import sys

from intake.cli.errors import CommandError, Interrupted


def hidden_input(prompt: str, what: str) -> str:
    """What the person typed at `prompt`, not echoed; `what` names the answer in the message if they leave."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        raise Interrupted([f"cancelled at the {what} prompt (Ctrl-C); nothing was changed"]) from None
    except EOFError:
        print(file=sys.stderr)
        raise CommandError([f"no {what} typed (end of input); nothing was changed"]) from None

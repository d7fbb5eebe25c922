"""`intake staff add | list | disable | reset-pin | role`: staff accounts from a terminal.

An admin sets up a station's accounts over SSH or in a script; the PIN never appears on
the command line (where `ps` and shell history would keep it): it comes from
`INTAKE_STAFF_PIN` or a hidden prompt. A reset PIN is a one-time PIN: the person chooses
their own at their next sign-in. Each change goes through a staff desk acting as
`cli:<login>`, with its audit row.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from intake.cli.desk import staff_desk
from intake.cli.errors import EXIT_OK, UsageError
from intake.cli.prompts import hidden_input

STAFF_PIN_ENV = "INTAKE_STAFF_PIN"
ROLES = ("staff", "admin")
"""`Role`'s values, spelled out so building the parser for `intake assess` loads no PIN hashing or database."""


def register(commands: Any) -> None:
    staff = commands.add_parser("staff", help="add, list or disable staff accounts, reset a PIN, change a role")
    staff_actions = staff.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = staff_actions.add_parser(
        "add", help=f"add an account; the PIN (an admin's: 6 characters or more) comes from {STAFF_PIN_ENV} or a hidden prompt"
    )
    add.add_argument("id", metavar="ID", help="the staff ID they sign in with: 2-40 lower-case letters, digits, ., _ or -")
    add.add_argument("--name", required=True, metavar="NAME", help="their name, as the staff screens show it")
    add.add_argument("--role", choices=ROLES, default=ROLES[0], help=f"{' or '.join(ROLES)} (default: %(default)s)")
    add.set_defaults(run=cmd_staff_add)
    staff_actions.add_parser("list", help="every account, active or not").set_defaults(run=cmd_staff_list)
    disable = staff_actions.add_parser(
        "disable", help="stop an account signing in (it stays in the audit log); the last active admin stays"
    )
    disable.add_argument("id", metavar="ID", help="the account's staff ID")
    disable.set_defaults(run=cmd_staff_disable)
    reset = staff_actions.add_parser(
        "reset-pin",
        help=f"give an account a one-time PIN (from {STAFF_PIN_ENV} or a hidden prompt), to be changed at its next "
        "sign-in; it also ends a lockout",
    )
    reset.add_argument("id", metavar="ID", help="the account's staff ID")
    reset.set_defaults(run=cmd_staff_reset_pin)
    role = staff_actions.add_parser("role", help="make an account an admin, or staff again; the last active admin stays")
    role.add_argument("id", metavar="ID", help="the account's staff ID")
    role.add_argument("--role", choices=ROLES, required=True, help=f"the new role: {' or '.join(ROLES)}")
    role.set_defaults(run=cmd_staff_role)


def _new_pin() -> str:
    pin = os.environ.get(STAFF_PIN_ENV)
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        raise UsageError([f"no PIN: set {STAFF_PIN_ENV} or run on a terminal to type it"])
    pin = hidden_input("New PIN: ", "PIN")
    if hidden_input("Type it again: ", "PIN") != pin:
        raise UsageError(["the two PINs differ"])
    return pin


def cmd_staff_add(args: argparse.Namespace) -> int:
    from intake.app.errors import StaffExists
    from intake.app.records import Role, pin_problem, staff_id_problem  # argon2 and the database load only now

    if problem := staff_id_problem(args.id):
        raise UsageError([f"{args.id}: {problem}"])
    if not args.name.strip():
        raise UsageError(["--name: empty"])
    pin = _new_pin()
    if problem := pin_problem(pin, Role(args.role)):
        raise UsageError([f"PIN: {problem}"])
    with staff_desk() as desk:
        try:
            desk.add_staff(args.id, args.name, Role(args.role), pin)
        except StaffExists as error:
            raise UsageError([str(error)]) from None
    print(f"added {args.role} {args.id} ({args.name.strip()})")
    return EXIT_OK


def cmd_staff_list(_args: argparse.Namespace) -> int:
    with staff_desk() as desk:
        members = desk.staff()
    for member in members:
        state = "active" if member.active else "disabled"
        print(f"{member.id:<20}  {member.role:<5}  {state:<8}  {member.name}")
    if not members:
        print("no staff accounts")
    return EXIT_OK


def cmd_staff_disable(args: argparse.Namespace) -> int:
    from intake.app.errors import LastActiveAdmin, StaffNotFound

    with staff_desk() as desk:
        try:
            desk.disable_staff(args.id)
        except (StaffNotFound, LastActiveAdmin) as error:
            raise UsageError([str(error)]) from None
    print(f"disabled {args.id}")
    return EXIT_OK


def cmd_staff_reset_pin(args: argparse.Namespace) -> int:
    from intake.app.errors import StaffNotFound

    pin = _new_pin()
    with staff_desk() as desk:
        try:
            desk.reset_pin(args.id, pin)
        except (StaffNotFound, ValueError) as error:
            raise UsageError([str(error)]) from None
    print(f"{args.id}: one-time PIN set; it must be changed at the next sign-in")
    return EXIT_OK


def cmd_staff_role(args: argparse.Namespace) -> int:
    from intake.app.errors import LastActiveAdmin, StaffNotFound
    from intake.app.records import Role
    from intake.staff_wording import ROLE_IN_A_SENTENCE

    with staff_desk() as desk:
        try:
            desk.change_role(args.id, Role(args.role))
        except (StaffNotFound, LastActiveAdmin, ValueError) as error:
            raise UsageError([str(error)]) from None
    print(f"{args.id} is now {ROLE_IN_A_SENTENCE[args.role]}")
    return EXIT_OK

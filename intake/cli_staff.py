"""`intake staff add | list | disable`: staff accounts from a terminal.

An admin sets up a station's accounts over SSH or in a script; the PIN never appears on
the command line (where `ps` and shell history would keep it): it comes from
`INTAKE_STAFF_PIN` or a hidden prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from functools import partial

from intake.cli import STAFF_PIN_ENV, UsageError
from intake.cli_store import cli_staff_id, open_store
from intake.settings import load_settings
from intake.store.audit import Action, AuditLog
from intake.store.errors import StaffExists, StaffNotFound, StoreError
from intake.store.staff import Role, StaffStore, pin_problem, staff_id_problem


def _new_pin() -> str:
    pin = os.environ.get(STAFF_PIN_ENV)
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        raise UsageError([f"no PIN: set {STAFF_PIN_ENV} or run on a terminal to type it"])
    pin = getpass.getpass("New PIN: ")
    if getpass.getpass("Type it again: ") != pin:
        raise UsageError(["the two PINs differ"])
    return pin


def _change_account(
    action: Action, staff_id: str, change: Callable[[StaffStore], object], refusal: type[StoreError]
) -> None:
    """Make one change to the accounts and audit it, in the clinic's database."""
    with open_store(load_settings()) as database:
        try:
            change(StaffStore(database))
        except refusal as error:
            raise UsageError([str(error)]) from None
        AuditLog(database).record(action, cli_staff_id(), subject=staff_id)


def cmd_staff_add(args: argparse.Namespace) -> int:
    if problem := staff_id_problem(args.id):
        raise UsageError([f"{args.id}: {problem}"])
    if not args.name.strip():
        raise UsageError(["--name: empty"])
    pin = _new_pin()
    if problem := pin_problem(pin):
        raise UsageError([f"PIN: {problem}"])
    _change_account(Action.STAFF_ADDED, args.id, partial(StaffStore.add, staff_id=args.id, name=args.name,
                                                          role=Role(args.role), pin=pin), StaffExists)
    print(f"added {args.role} {args.id} ({args.name.strip()})")
    return 0


def cmd_staff_list(_args: argparse.Namespace) -> int:
    with open_store(load_settings()) as database:
        members = StaffStore(database).list()
    for member in members:
        state = "active" if member.active else "disabled"
        print(f"{member.id:<20}  {member.role:<5}  {state:<8}  {member.name}")
    if not members:
        print("no staff accounts")
    return 0


def cmd_staff_disable(args: argparse.Namespace) -> int:
    _change_account(Action.STAFF_DISABLED, args.id, partial(StaffStore.disable, staff_id=args.id), StaffNotFound)
    print(f"disabled {args.id}")
    return 0

"""`--from`/`--to`: the inclusive days a visit started on, for listing and for CSV export."""

from __future__ import annotations

import argparse
from datetime import date


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def add_day_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD")

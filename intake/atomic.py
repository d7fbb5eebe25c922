"""Writing a file so that it is either all there or not there at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from intake.paths import private_dir


def write_private(target: Path, data: bytes) -> Path:
    """Write atomically and readable by this user only: a half-written file never appears.

    Summaries and settings are both read by people who act on them; a power cut must
    leave the old file or the new one, never a torn one. Missing folders on the way are
    made private too (`private_dir`).
    """
    private_dir(target.parent)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target

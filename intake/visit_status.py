"""A visit's status, as stored and as `intake visits list --status` takes it."""

IN_PROGRESS, UNFINISHED, FINISHED = "in_progress", "unfinished", "finished"
STATUSES = (IN_PROGRESS, UNFINISHED, FINISHED)

"""Visits and the audit log, in an encrypted SQLite file or a shared PostgreSQL. No Qt.

Import the submodules (`intake.store.visits`, `.database`, `.audit`): the package itself
stays empty so that `intake assess` and other commands that never touch the database do
not pay for loading SQLAlchemy and Alembic.
"""

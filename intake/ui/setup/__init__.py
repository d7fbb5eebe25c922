"""A clinic's first start (the set-up wizard, its recovery code) and the passphrase page of later starts."""

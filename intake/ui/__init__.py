"""The only Qt package: kiosk and staff screens built from the form definition."""

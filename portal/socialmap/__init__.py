"""The social map (sociale kaart): opening hours and the HSDS-shaped records."""

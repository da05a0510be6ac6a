"""The customers service of Gravity Shop."""

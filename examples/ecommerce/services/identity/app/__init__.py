"""The identity service of Gravity Shop."""

"""The catalog service of Gravity Shop."""

"""The orders service of Gravity Shop."""

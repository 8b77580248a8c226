"""Drama-triangle role recognition, explanation and practice quiz (issue 4)."""

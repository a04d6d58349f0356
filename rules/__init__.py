"""Built-in rule pack of lawscan: one module per rule, data files (lexicons, settings) beside them. Installed as ``lawscan._rules``."""

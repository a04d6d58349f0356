"""lawscan's own exceptions. A ``ReadError`` is an input problem of one file: the run reports it
(naming the file and the reason) and goes on with the other files."""


class LawscanError(Exception):
    """Base class of lawscan's own errors."""


class ReadError(LawscanError):
    """A file that cannot be read as a law: empty, binary, broken, too big, hostile, unknown
    encoding. ``str(err)`` is one line: "<path>: <reason>"."""

    def __init__(self, path: str, reason: str, code: str = "input"):
        from lawscan.model import display_path

        path = display_path(path)
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.code = code


class WriteError(LawscanError):
    """An output that cannot or must not be written: a device, pipe or directory in the way, an
    input of the run, a folder that cannot be created, a full disk. ``str(err)`` is one line:
    "<path>: <reason>"."""

    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class ConfigError(LawscanError):
    """Invalid configuration or usage (exit code 2)."""

"""Configuration: takes the scanned paths (or an explicit file), gives a :class:`Config`.

Looked up from the first scanned path upwards, the first of:
``pyproject.toml`` with a ``[tool.lawscan]`` table, ``setup.cfg`` with a ``[lawscan]`` section.
``--config FILE`` names one directly (a pyproject.toml, a setup.cfg, or a .toml whose top level
holds the keys). Relative paths inside (rule directories, report files) are relative to the
directory of the file that holds them.

Trust (:func:`for_scan`). A configuration can make lawscan import Python (``rules``), write files
(``reports``), read files (``paths``) and spend resources (``jobs``, the limits), so those keys
are taken only from a configuration the user chose: the one given with ``--config``, or the current project's, the one
found from the current working directory upwards. A configuration found above the scanned path
that is not the current project's (a drafts folder of someone else's with its own
pyproject.toml) is untrusted: its other keys (rule selection, severities, settings, exclude,
fail_on, format, timestamp) apply, those are ignored with a note, and ``--config FILE`` trusts
it. A pyproject.toml or setup.cfg met on the way up that cannot be read and does not mention
lawscan belongs to something else: it is passed over with a note instead of stopping the scan.
Configuration files are read only up to :data:`MAX_BYTES`; numbers must be finite and not
negative.

Keys (pyproject form; setup.cfg takes the same keys, lists comma-separated, and the tables as
sections ``[lawscan:severity]`` and ``[lawscan:settings]``)::

    [tool.lawscan]
    fail_on = "error"            # error | warning | info | never
    select = []                  # rule ids, names or tags; empty = every rule
    ignore = []
    rules = []                   # extra rule directories
    exclude = []                 # glob patterns of paths not to scan
    format = "text"              # default output format
    paths = []                   # what `lawscan scan` with no path scans (the project's laws)
    reports = []                 # "FORMAT=FILE" reports of the project's scan (see below)
    timestamp = true             # false: reports carry no generation time (reproducible)
    jobs = 1
    max_file_size = 52428800     # bytes; larger inputs are refused
    max_zip_ratio = 100          # a .docx member expanding more than this is refused (zip bomb)
    max_unzipped_size = 12582912 # bytes the text parts of a .docx may unzip to
    timeout = 120                # seconds per document
    [tool.lawscan.severity]      # per-rule severity override
    LS103 = "warning"
    [tool.lawscan.settings]      # options read by the rules
    status_severity = { none = "error", articles_only = "error", section_only = "warning" }

``reports`` are the project's reports. With ``paths`` set they describe the scan of those paths:
``lawscan scan`` (no path) or ``lawscan scan`` of exactly those paths writes them; a scan of
anything else (one file, a sub-folder) prints its own report and leaves them as they are, so a
one-file check never replaces the project's report with a one-law report. Without ``paths``,
every scan writes them.
"""

from __future__ import annotations

import configparser
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lawscan.errors import ConfigError

FAIL_ON = ("error", "warning", "info", "never")
KEYS = {"fail_on", "select", "ignore", "rules", "exclude", "format", "reports", "jobs",
        "severity", "settings", "max_file_size", "max_zip_ratio", "max_unzipped_size", "timeout", "paths", "timestamp"}
# what only a trusted configuration may set: code to import, files to write or read, resources to
# spend
TRUSTED_KEYS = ("rules", "reports", "paths", "jobs", "max_file_size", "max_zip_ratio", "max_unzipped_size",
                "timeout")
MAX_BYTES = 1 << 20  # a configuration file larger than this is refused


@dataclass
class Config:
    fail_on: str = "error"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    format: str = "text"
    reports: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # the project's scan (absolute)
    timestamp: bool = True  # False: reports carry no generation time
    jobs: int = 1
    severity: dict[str, str] = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    max_file_size: int | None = None  # bytes
    max_zip_ratio: float | None = None  # uncompressed / compressed size of a .docx member
    max_unzipped_size: int | None = None  # bytes the text parts of a .docx may unzip to
    timeout: float | None = None  # seconds per document (0 = no limit)
    source: str | None = None  # the file the configuration came from
    notes: list[str] = field(default_factory=list)  # what was passed over, and why (for stderr)


def for_scan(paths: list[str], config_file: str | None = None, no_config: bool = False) -> Config:
    """The configuration of a scan of ``paths``, with trust applied (see the module docstring):
    ``--config FILE``, else the file found above the first scanned path, trusted when it is the
    current project's."""
    if no_config:
        return Config()
    if config_file:
        return load(config_file)
    notes: list[str] = []
    found = discover(paths, notes)
    if found is None:
        cfg = Config()
    else:
        project = discover([], [])  # from the current working directory
        trusted = project is not None and project.resolve() == found.resolve()
        cfg = load(found, trusted=trusted)
    cfg.notes[:0] = notes
    return cfg


def discover(paths: list[str], notes: list[str] | None = None) -> Path | None:
    """The nearest configuration file above the first scanned path (the current working
    directory when none is given), or None. A file that cannot be read and does not mention
    lawscan is passed over, with a line in ``notes``."""
    start = Path(paths[0]) if paths else Path.cwd()
    start = start.resolve() if start.exists() else Path.cwd().resolve()
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        for name, section in (("pyproject.toml", _pyproject_table), ("setup.cfg", _setup_cfg_section)):
            candidate = folder / name
            try:
                if candidate.is_file() and section(candidate) is not None:
                    return candidate
            except ConfigError as exc:
                if _mentions_lawscan(candidate):
                    raise
                if notes is not None:
                    notes.append(f"{exc} (not a lawscan configuration: passed over)")
            except OSError:
                pass
    return None


def _mentions_lawscan(path: Path) -> bool:
    try:
        return b"lawscan" in _read(path)
    except ConfigError:
        return False


def load(path: str | Path | None, trusted: bool = True) -> Config:
    """Read one configuration file (None gives the defaults). An untrusted one gives no
    :data:`TRUSTED_KEYS` (noted in ``Config.notes``)."""
    if path is None:
        return Config()
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    if path.name == "setup.cfg" or path.suffix in (".cfg", ".ini"):
        raw = _setup_cfg_section(path)
    elif path.name == "pyproject.toml":
        raw = _pyproject_table(path)
    else:
        raw = _toml(path)
    if raw is None:
        raise ConfigError(f"{path}: no [tool.lawscan] / [lawscan] configuration in this file")
    dropped = [key for key in TRUSTED_KEYS if key in raw] if not trusted else []
    cfg = _build({k: v for k, v in raw.items() if k not in dropped}, path)
    if dropped:
        cfg.notes.append(f"{path}: found above the scanned path, outside the current project, so not "
                         f"trusted: {', '.join(dropped)} ignored (--config {path} trusts it)")
    return cfg


def _read(path: Path) -> bytes:
    """The bytes of a configuration file, at most MAX_BYTES."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise ConfigError(f"{path}: too large for a configuration file (over {MAX_BYTES} bytes)")
    return data


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(_read(path).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def _pyproject_table(path: Path) -> dict | None:
    tool = _toml(path).get("tool", {})
    table = tool.get("lawscan") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def _setup_cfg_section(path: Path) -> dict | None:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(_read(path).decode("utf-8"), source=str(path))
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid setup.cfg: {' '.join(str(exc).split())}") from None
    if not parser.has_section("lawscan"):
        return None
    raw: dict = {}
    for key, value in parser.items("lawscan"):
        if key in ("select", "ignore", "rules", "exclude", "reports", "paths"):
            raw[key] = [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]
        else:
            raw[key] = value.strip()
    if parser.has_section("lawscan:severity"):
        raw["severity"] = dict(parser.items("lawscan:severity"))
    if parser.has_section("lawscan:settings"):
        raw["settings"] = {k: _ini_value(v) for k, v in parser.items("lawscan:settings")}
    return raw


def _ini_value(value: str):
    try:
        return json.loads(value)
    except ValueError:
        return value


def _build(raw: dict, path: Path) -> Config:
    """The Config of a file's ``raw`` keys, each checked (ConfigError names the file and key)."""
    unknown = set(raw) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown configuration key(s): {', '.join(sorted(unknown))}")
    base = path.parent
    cfg = Config(source=str(path))
    fail_on = str(raw.get("fail_on", cfg.fail_on)).lower()
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    cfg.fail_on = fail_on
    for key in ("select", "ignore", "exclude"):
        setattr(cfg, key, _as_list(raw.get(key, []), path, key))
    cfg.rules = [str((base / r).resolve()) for r in _as_list(raw.get("rules", []), path, "rules")]
    cfg.paths = [str((base / p).resolve()) for p in _as_list(raw.get("paths", []), path, "paths")]
    cfg.timestamp = _timestamp(raw.get("timestamp", True), path)
    cfg.reports = _reports(_as_list(raw.get("reports", []), path, "reports"), base, path)
    cfg.format = str(raw.get("format", cfg.format))
    for key, low in (("jobs", 1), ("max_file_size", 1), ("max_unzipped_size", 1)):
        if raw.get(key) is not None:
            setattr(cfg, key, _whole(raw[key], low, path, key))
    for key, low, high in (("max_zip_ratio", 1.0, 1e12), ("timeout", 0.0, 1e6)):
        if raw.get(key) is not None:
            setattr(cfg, key, _number(raw[key], low, high, path, key))
    cfg.severity = _severity(raw.get("severity", {}), path)
    settings = raw.get("settings", {})
    if not isinstance(settings, dict):
        raise ConfigError(f"{path}: settings must be a table")
    cfg.settings = settings
    return cfg


def _timestamp(value, path: Path) -> bool:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        value = value.strip().lower() == "true"  # setup.cfg
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: timestamp must be true or false")
    return value


def _reports(specs: list[str], base: Path, path: Path) -> list[str]:
    """FORMAT=FILE entries, FILE relative to the configuration file's folder."""
    out = []
    for spec in specs:
        fmt, sep, target = spec.partition("=")
        if not sep or not fmt.strip() or not target.strip():
            raise ConfigError(f"{path}: reports entries are FORMAT=FILE, not {spec!r}")
        out.append(f"{fmt.strip()}={(base / target.strip())}")
    return out


def _whole(value, low: int, path: Path, key: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():  # setup.cfg gives strings
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ConfigError(f"{path}: {key} must be a whole number of at least {low}, not {value!r}")
    return value


def _severity(severity, path: Path) -> dict[str, str]:
    if not isinstance(severity, dict):
        raise ConfigError(f"{path}: severity must be a table of RULE = LEVEL")
    for rule, level in severity.items():
        if str(level).lower() not in ("error", "warning", "info", "off"):
            raise ConfigError(f"{path}: severity of {rule} must be error, warning, info or off")
    return {str(k): str(v).lower() for k, v in severity.items()}


def _number(value, low: float, high: float, path: Path, key: str) -> float:
    """A finite number from ``low`` to ``high`` (nan, inf, negative and huge numbers would
    switch a limit off or break it)."""
    import math

    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if not math.isfinite(number) or not low <= number <= high:
        raise ConfigError(f"{path}: {key} must be a number from {low:g} to {high:g}, not {value!r}")
    return number


def _as_list(value, path: Path, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ConfigError(f"{path}: {key} must be a list")
    return [str(v) for v in value]


# The starting configuration `lawscan init` writes: (comment, key, TOML value, setup.cfg value).
_STARTER = [
    ("Exit code 1 when a finding is at or above this level: error | warning | info | never",
     "fail_on", '"error"', "error"),
    ('Rules to run (ids such as "LS101", names or tags); empty means every rule.', "select", "[]", ""),
    ("Rules to leave out.", "ignore", "[]", ""),
    ("Directories with rules of your own (Python modules, see docs/rules.md).", "rules", "[]", ""),
    ("Paths not to scan (glob patterns).", "exclude", '["outputs/*"]', "outputs/*"),
    ("What `lawscan scan` with no path scans: the project's laws.", "paths", "[]", ""),
    ('Reports written by the scan of `paths`, as "FORMAT=FILE" (text, json, html, sarif, junit,\n'
     "markdown, github); a scan of other paths leaves them as they are.", "reports", "[]", ""),
]
_STARTER_TABLES = [
    ("Severity of single rules: error | warning | info | off", "severity",
     'LS103 = "warning"', "LS103 = warning"),
    ("How each digital status of a law that needs digital provisions is reported by the\n"
     "no-digital-chapter rule (a law with nothing digital to regulate is only noted).", "settings",
     'status_severity = { none = "error", articles_only = "error", section_only = "warning" }',
     'status_severity = {"none": "error", "articles_only": "error", "section_only": "warning"}'),
]


def starter(path: str | Path) -> str:
    """A commented starting configuration in the form ``load(path)`` reads: a ``[tool.lawscan]``
    table for pyproject.toml, a ``[lawscan]`` section for setup.cfg (or any .cfg / .ini), top-level
    keys for another .toml file."""
    path = Path(path)
    form = ("cfg" if path.name == "setup.cfg" or path.suffix in (".cfg", ".ini")
            else "pyproject" if path.name == "pyproject.toml" else "toml")
    section = {"cfg": "[lawscan]", "pyproject": "[tool.lawscan]", "toml": ""}[form]
    where = {"cfg": "Put this section in setup.cfg", "pyproject": "Put this table in pyproject.toml",
             "toml": "Name this file with lawscan scan --config"}[form]
    out = ['# lawscan configuration (see the README, "Configuration").',
           f"# {where}; lawscan finds it from the scanned path upwards." if form != "toml"
           else f"# {where}."]
    if section:
        out.append(section)
    for comment, key, toml_value, ini_value in _STARTER:
        out.extend(f"# {line}" for line in comment.split("\n"))
        out.append(f"{key} = {ini_value}".rstrip() if form == "cfg" else f"{key} = {toml_value}")
    for comment, table, toml_line, ini_line in _STARTER_TABLES:
        out.append("")
        out.extend(f"# {line}" for line in comment.split("\n"))
        out.append({"cfg": f"[lawscan:{table}]", "pyproject": f"[tool.lawscan.{table}]",
                    "toml": f"[{table}]"}[form])
        out.append(f"# {ini_line if form == 'cfg' else toml_line}")
    return "\n".join(out) + "\n"


def without_lawscan(text: str, path: str | Path) -> tuple[str, int]:
    """``text`` of the configuration file ``path`` with its lawscan configuration taken out, and
    the line where it began (the end of the text when it has none): for pyproject.toml the
    ``[tool.lawscan]`` table and its ``[tool.lawscan.*]`` tables, for a .cfg / .ini the
    ``[lawscan]`` and ``[lawscan:*]`` sections, with the two comment lines ``starter`` puts on
    top; another .toml file is lawscan's alone (all of it). Each block runs to the next header
    that is not lawscan's, less the comments and blank lines just above that header (they are
    that table's). Every other line is kept as it was."""
    path = Path(path)
    lines = text.splitlines(keepends=True)
    if path.name != "pyproject.toml" and path.suffix not in (".cfg", ".ini"):
        return ("", 0) if text.strip() else (text, len(lines))
    ours = re.compile(r"\s*\[\s*tool\s*\.\s*lawscan\s*(\.[^\]]*)?\]" if path.name == "pyproject.toml"
                      else r"\s*\[\s*lawscan\s*(:[^\]]*)?\]")
    header = re.compile(r"\s*\[")
    keep, start, inside, pending = [], None, False, []
    for line in lines:
        if header.match(line):
            inside = bool(ours.match(line))
            if inside:
                start = len(keep) if start is None else start
                pending = []
                continue
            keep += pending  # the comments above a table that is not lawscan's are its own
            pending = []
        if inside:
            comment = line.strip() == "" or line.lstrip().startswith(("#", ";"))
            pending = pending + [line] if comment else []
            continue
        keep.append(line)
    if start is None:
        return text, len(lines)
    head = [ln.strip() for ln in starter(path).splitlines()[:2]]
    while start and keep[start - 1].strip() in head:  # the comments starter writes above it
        start -= 1
        del keep[start]
    return "".join(keep), start


STARTER = starter("pyproject.toml")

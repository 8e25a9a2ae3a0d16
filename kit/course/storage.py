"""Saving student work so that nothing is ever lost.

One "work file" per student per notebook or activity: `<name>.json` in the student's work
folder ($FRAMING_LAB_WORK_DIR, else `./my_work`), holding
`{"schema": "framing-lab/work", "version": 1, "saved_at": ..., "name": ..., "data": {...}}`.

How nothing gets lost:
- a save writes a temporary file, forces it to disk, then renames it over the old file
  (`os.replace` is atomic): a crash leaves the old file or the new one, never half of one;
- the previous good version is kept as `<name>.json.bak`;
- a file that cannot be read is never deleted or overwritten: it is moved aside as
  `<name>.json.invalid-<time>`; a file written by a newer Framing Lab is left alone;
- when a save meets a damaged file, the last good copy (`.bak`) is also kept aside, as
  `<name>.json.last-good-<time>`: no later save can rotate it away;
- saves of one name from several processes (two notebook tabs) take turns through a lock;
  `update_work` holds it over a whole load-change-save, so concurrent changes are not lost;
- temporary files left by a process killed mid-save are removed by the next save of that name;
- a new file gets the mode the umask allows (a teacher's account can read it if the folder
  lets it); a save keeps the mode of the file it replaces.

Files are only ever read with `json`, and only regular files of at most 20 MB: loading never
runs code, and never hangs on a pipe or a device. Problems of the folder itself (read-only,
a file in its place) are reported as SavedWorkError naming the path.

Limits: names are ASCII letters, digits, `_` and `-`, not a Windows device name (CON, NUL,
COM1...), and not the name of another work file in other letter case (safe file names on
every system and inside zips). Data must be JSON: dicts with text keys, lists, text, numbers, True/False, None
(tuples come back as lists). The lock uses `fcntl`: without it (Windows) saves stay atomic
but two simultaneous saves may leave either one's previous version in the `.bak`; locks on
network drives (NFS) may not be honoured. Loading takes no lock: it relies on the atomic
rename, so it sees a whole file.
"""
import errno
import glob
import io
import itertools
import json
import math
import os
import re
import secrets
import stat
import zipfile
import zlib
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from ..errors import SavedWorkError
from .i18n import t
from .paths import work_dir

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; see the limits above
    fcntl = None

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)   # a lock or temporary file is never a link
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)   # opening a pipe does not wait for a writer

SCHEMA = "framing-lab/work"
VERSION = 1                           # the major version written; a higher one is refused
NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
DEVICE = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])", re.IGNORECASE)  # Windows device names
MAX_DEPTH = 100                       # deeper data is almost surely a list that contains itself
MAX_WORK_BYTES = 20 * 1024 * 1024     # a work file: far above any real work
MAX_IMPORT_BYTES = MAX_WORK_BYTES     # a zip's work files together, exported or imported


def save_work(name: str, data: dict, folder: Path | None = None) -> Path:
    """Save `data` as the work called `name` and return the file's path.

    Raises SavedWorkError, with nothing written, for a bad name, for data JSON cannot hold,
    or when the file there was written by a newer Framing Lab."""
    path = _work_path(name, folder)
    payload = _encode(name, data)
    with _locked(path):
        _refuse_case_clash(path)
        _replace(path, payload, data)
    return path


def update_work(name: str, change, folder: Path | None = None) -> dict:
    """Load the work `name`, change it and save it, with no other save of `name` in between
    (from any process): `change(data)` gets the saved data ({} if none) and returns the data
    to save, which is also returned.

    Unlike `save_work`, a damaged file is not set aside: SavedWorkError says how to recover
    it, and nothing is saved (so a widget never replaces work it could not read)."""
    path = _work_path(name, folder)
    with _locked(path):
        data = change(_load(path))
        payload = _encode(name, data)
        _refuse_case_clash(path)
        _replace(path, payload, data)
    return data


def load_work(name: str, folder: Path | None = None) -> dict:
    """The data saved as `name`, or {} if nothing was saved yet.

    Raises SavedWorkError naming the file, and the way out, if it is damaged or newer."""
    path = _work_path(name, folder)
    with _os_errors(path):
        return _load(path)


def _load(path: Path) -> dict:
    try:
        return _parse(_read_raw(path))["data"]
    except FileNotFoundError:
        return {}
    except _Unreadable as problem:
        raise _explain(path, problem) from None


def recover_work(name: str, folder: Path | None = None) -> dict:
    """Make `name` loadable again and return its data.

    A damaged file is moved aside as `<name>.json.invalid-<time>` (never deleted) and the
    `.bak` copy, if good, takes its place; {} if there is no good copy. A good file is left
    as it is; a file from a newer Framing Lab is refused, not moved."""
    path = _work_path(name, folder)
    with _locked(path):
        current = _current_good(path)
        return current[1]["data"] if current else _restore_backup(path)


def list_work(folder: Path | None = None) -> list[str]:
    """The names of the saved work, sorted (damaged files too: load_work says what is wrong)."""
    folder = _folder(folder)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.json") if NAME.fullmatch(p.stem) and p.is_file())


def saved_work_summary(folder: Path | None = None) -> dict[str, str | None]:
    """{name: saved_at} for a progress view; None for a file that cannot be read."""
    folder = _folder(folder)
    summary = {}
    for name in list_work(folder):
        good = _read_good(folder / f"{name}.json")
        summary[name] = good[1]["saved_at"] if good else None
    return summary


def export_all(folder: Path | None = None) -> bytes:
    """A zip of every work file as it is (damaged ones too; not the backups), for
    "download my work" or a teacher collecting work. Each file is read as loading reads it
    (a regular file of at most 20 MB): SavedWorkError names one that is not, and nothing is
    exported. The files together are capped as `import_zip` caps them (MAX_IMPORT_BYTES), so
    every export can be imported back: beyond that, SavedWorkError and nothing exported."""
    folder = _folder(folder)
    buffer, total = io.BytesIO(), 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in list_work(folder):
            raw = _export_raw(folder / f"{name}.json")
            if raw is not None:
                total += len(raw)   # past the cap, still counted, to say how much there is
                if total <= MAX_IMPORT_BYTES:
                    archive.writestr(f"{name}.json", raw)
    if total > MAX_IMPORT_BYTES:
        raise _error("storage_export_too_big", folder=folder, size=f"{total / 2**20:.1f}",
                     limit=MAX_IMPORT_BYTES // 2**20)
    return buffer.getvalue()


def _export_raw(path: Path) -> bytes | None:
    """The bytes of one work file to export; None if it was removed since it was listed."""
    try:
        return _read_raw(path)
    except FileNotFoundError:
        return None
    except _Unreadable as problem:
        raise _error(*problem.keys, "storage_nothing_exported", file=path, **problem.values) from None


def import_zip(data: bytes, folder: Path | None = None) -> dict[str, str]:
    """Add the work files of a zip made by `export_all`; return {name: what happened}.

    "imported"; "unchanged" (the same data is already here); "kept" (the copy here was
    saved later, or by a newer Framing Lab, so it stays). A replaced file is kept as `.bak`,
    as in a save. Every file in the zip is checked first: if one is not a good work file
    (damaged, badly named, over 20 MB), SavedWorkError says which, and nothing is written."""
    entries = _read_zip(data)
    folder = _folder(folder)
    for name in entries:
        _refuse_case_clash(folder / f"{name}.json")
    return {name: _import_one(folder / f"{name}.json", raw, record)
            for name, (raw, record) in entries.items()}


def read_export(data: bytes) -> dict[str, dict]:
    """The work files of a zip made by `export_all`, as {name: record} (each record has
    "saved_at" and "data"), read without writing anything: for a teacher's class report.

    SavedWorkError, as in `import_zip`, if any file in it is not a good work file."""
    return {name: record for name, (_raw, record) in _read_zip(data).items()}


def read_record(name: str, folder: Path | None = None) -> dict | None:
    """The whole record of the work `name` ("saved_at", "data", ...), None if nothing is saved;
    SavedWorkError naming the file if it is damaged or newer (as `load_work`)."""
    path = _work_path(name, folder)
    try:
        return _parse(path.read_bytes())
    except FileNotFoundError:
        return None
    except _Unreadable as problem:
        raise _explain(path, problem) from None


# --- Writing ---------------------------------------------------------------------------

def _replace(path: Path, payload: bytes, data: dict) -> None:
    """Make `payload` the content of `path`, keeping the previous good version as `.bak`."""
    current = _current_good(path)
    # An autosave of unchanged data would otherwise push the last real change out of the .bak.
    if current and current[1]["data"] != data:
        _write_atomically(_backup_of(path), current[0])
    _write_atomically(path, payload)


def _current_good(path: Path) -> tuple[bytes, dict] | None:
    """The bytes and record of the file a write is about to replace, or None if there is none.

    A damaged file is moved aside first, and the last good copy kept aside for good (the
    next saves would rotate it out of the .bak); a file from a newer Framing Lab, or one
    that is not a regular file, stops the write with SavedWorkError."""
    try:
        raw = _read_raw(path)
        return raw, _parse(raw)
    except FileNotFoundError:
        return None
    except _LeftAlone as problem:
        raise _explain(path, problem) from None
    except _Unreadable:
        _set_aside(path)
        _keep_last_good(path)
        return None


def _keep_last_good(path: Path) -> None:
    good = _read_good(_backup_of(path))
    if good:
        _write_atomically(_free_name(path, "last-good"), good[0])


def _restore_backup(path: Path) -> dict:
    good = _read_good(_backup_of(path))
    if good is None:
        return {}
    _write_atomically(path, good[0])
    return good[1]["data"]


def _import_one(path: Path, raw: bytes, record: dict) -> str:
    with _locked(path):
        try:
            current = _current_good(path)
        except SavedWorkError:  # the file here is from a newer Framing Lab
            return "kept"
        if current and current[1]["data"] == record["data"]:
            return "unchanged"
        if current and _saved_time(current[1]) > _saved_time(record):
            return "kept"
        _replace(path, raw, record["data"])
        return "imported"


def _write_atomically(path: Path, payload: bytes) -> None:
    """Replace `path` by `payload` at once: a crash leaves the old file or the new, never a mix.
    The new file keeps the mode of the one it replaces, else the umask's."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            _keep_mode(file.fileno(), path)
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())  # the bytes reach the disk before the rename publishes them
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


write_atomically = _write_atomically   # also the HTML report's way to write a file


def _keep_mode(handle: int, path: Path) -> None:
    if hasattr(os, "fchmod"):
        with suppress(FileNotFoundError):
            os.fchmod(handle, stat.S_IMODE(os.stat(path).st_mode))


def _sync_folder(folder: Path) -> None:
    # The rename is an entry in the folder: sync it too, or a power cut may undo it.
    if os.name != "posix":
        return
    with suppress(OSError):  # some file systems refuse to sync a folder
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _set_aside(path: Path) -> Path:
    """Move a damaged file out of the way under a new name; it is never deleted."""
    target = _free_name(path, "invalid")
    os.replace(path, target)
    _sync_folder(path.parent)
    return target


def _free_name(path: Path, label: str) -> Path:
    """`<name>.json.<label>-<time>`, numbered if taken: a name no save ever reuses."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in itertools.count():
        target = path.with_name(f"{path.name}.{label}-{stamp}" + (f"-{attempt}" if attempt else ""))
        if not os.path.lexists(target):
            return target


@contextmanager
def _locked(path: Path):
    """Hold the lock of one work file: writers of the same name from any process take turns.
    Folder problems come out as SavedWorkError naming the path."""
    with _os_errors(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _open_lock(path.with_name(f".{path.stem}.lock"))
        with os.fdopen(lock, "r+b") as file:
            if fcntl:
                fcntl.flock(file, fcntl.LOCK_EX)  # released when the file is closed
                _remove_temporaries(path)
            yield


def _open_lock(lock: Path) -> int:
    """The lock file, opened without following a link or waiting on a pipe; a regular file."""
    handle = os.open(lock, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _NONBLOCK, 0o666)
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        raise OSError(errno.EINVAL, "not a regular file", str(lock))
    return handle


def _remove_temporaries(path: Path) -> None:
    """Temporary files of `path` left by a process killed mid-save (the lock is ours, so no
    save of this name is running)."""
    for temporary in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with suppress(FileNotFoundError):
            temporary.unlink()


@contextmanager
def _os_errors(path: Path):
    """Turn a failure of the file system (read-only folder, a file where the folder should
    be...) into a SavedWorkError naming the path."""
    try:
        yield
    except OSError as error:
        raise _error("storage_os_error", file=error.filename or path,
                     reason=error.strerror or str(error) or type(error).__name__) from None


def _refuse_case_clash(path: Path) -> None:
    """Refuse `Notes` beside `notes`: one file on Windows and macOS, two elsewhere."""
    if path.exists() and path.name in os.listdir(path.parent):
        return
    for other in path.parent.glob("*.json"):
        if other.name.lower() == path.name.lower() and other.name != path.name:
            raise _error("storage_case_clash", name=path.stem, other=other.stem)


# --- Checking --------------------------------------------------------------------------

def _encode(name: str, data: dict) -> bytes:
    """The bytes of the work file; SavedWorkError if `data` cannot be stored as JSON."""
    if not isinstance(data, dict):
        raise _error("storage_not_dict", kind=type(data).__name__)
    _check_storable(data, "data")
    record = {"schema": SCHEMA, "version": VERSION, "saved_at": _now(), "name": name, "data": data}
    try:
        return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (from a paste): \u escapes keep it exactly
        return (json.dumps(record, indent=1) + "\n").encode("ascii")


def _check_storable(value, where: str, depth: int = 0) -> None:
    """Refuse what JSON cannot store, or would change (a key 1 would come back as "1"),
    naming where it is, e.g. data['tags'][2]."""
    if depth > MAX_DEPTH:
        raise _error("storage_too_deep", where=where, limit=MAX_DEPTH)
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise _error("storage_bad_key", where=where, dict_key=repr(key),
                             kind=type(key).__name__)
            _check_storable(item, f"{where}[{key!r}]", depth + 1)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_storable(item, f"{where}[{index}]", depth + 1)
    elif isinstance(value, float) and not math.isfinite(value):
        raise _error("storage_not_finite", where=where, value=value)
    elif not (value is None or isinstance(value, (str, int, float))):
        raise _error("storage_not_json", where=where, kind=type(value).__name__)


class _Unreadable(Exception):
    """Why some bytes are not a good work file, as interface-string keys and their values."""

    def __init__(self, *keys: str, **values):
        super().__init__(*keys)
        self.keys, self.values = keys, values


class _LeftAlone(_Unreadable):
    """A file that must never be moved or replaced here."""


class _Newer(_LeftAlone):
    """A work file from a newer Framing Lab: readable there, so never moved or replaced here."""


def _read_raw(path: Path) -> bytes:
    """The bytes of a work file: FileNotFoundError if there is none; _Unreadable if it is
    too big, _LeftAlone if it is not a regular file (a pipe would block a read forever)."""
    with os.fdopen(os.open(path, os.O_RDONLY | _NONBLOCK), "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise _LeftAlone("storage_unreadable", "storage_reason_not_file")
        raw = file.read(MAX_WORK_BYTES + 1)
    if len(raw) > MAX_WORK_BYTES:
        raise _Unreadable("storage_unreadable", "storage_reason_too_big", limit=MAX_WORK_BYTES // 2**20)
    return raw


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")   # NaN and Infinity: Python reads them, JSON has none


def _parse(raw: bytes) -> dict:
    """The record in `raw` if it is a good work file. Only `json` reads it: nothing runs."""
    try:
        record = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _Unreadable("storage_unreadable", "storage_reason_json") from None
    if not isinstance(record, dict) or record.get("schema") != SCHEMA:
        raise _Unreadable("storage_unreadable", "storage_reason_schema")
    version = record.get("version")
    if type(version) is int and version > VERSION:
        raise _Newer("storage_newer", found=version, supported=VERSION)
    if not (type(version) is int and version >= 1 and isinstance(record.get("name"), str)
            and isinstance(record.get("data"), dict) and _is_time(record.get("saved_at"))):
        raise _Unreadable("storage_unreadable", "storage_reason_shape")
    return record


def _read_good(path: Path) -> tuple[bytes, dict] | None:
    """The bytes and record of `path` if it is a good work file, else None."""
    try:
        raw = _read_raw(path)
        return raw, _parse(raw)
    except (OSError, _Unreadable):
        return None


def _read_zip(data: bytes) -> dict[str, tuple[bytes, dict]]:
    """Every work file in a zip, checked; SavedWorkError (nothing imported) at any problem."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries, total = {}, 0
            for info in archive.infolist():
                if not info.is_dir():
                    name = _entry_name(info.filename, entries)
                    entries[name] = _read_entry(archive, info, MAX_IMPORT_BYTES - total)
                    total += len(entries[name][0])
            return entries
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise _error("storage_zip_bad") from None


def _entry_name(filename: str, seen: dict) -> str:
    name = filename.removesuffix(".json")
    if name == filename or not _good_name(name) or name.lower() in {n.lower() for n in seen}:
        raise _error("storage_zip_entry", "storage_nothing_imported", entry=filename)
    return name


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> tuple[bytes, dict]:
    """One work file of a zip, if it fits in the `room` left of the zip's total."""
    with archive.open(info) as member:
        raw = member.read(room + 1)  # the size a zip declares can lie
    if len(raw) > room:
        raise _error("storage_zip_too_big", "storage_nothing_imported", entry=info.filename,
                     limit=MAX_IMPORT_BYTES // 2**20)
    try:
        return raw, _parse(raw)
    except _Unreadable as problem:
        raise _error(*problem.keys, "storage_nothing_imported", file=info.filename,
                     **problem.values) from None


# --- Small helpers ---------------------------------------------------------------------

def _work_path(name: str, folder: Path | None) -> Path:
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise _error("storage_bad_name", name=name)
    if DEVICE.fullmatch(name):
        raise _error("storage_device_name", name=name)
    return _folder(folder) / f"{name}.json"


def _good_name(name: str) -> bool:
    return bool(NAME.fullmatch(name)) and not DEVICE.fullmatch(name)


def _folder(folder: Path | None) -> Path:
    return work_dir() if folder is None else Path(folder)


def _backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _now() -> str:
    # Local time with its UTC offset: readable in a progress view, and still comparable.
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _saved_time(record: dict) -> datetime:
    return datetime.fromisoformat(record["saved_at"])


def _is_time(value) -> bool:
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except (TypeError, ValueError):
        return False


def _explain(path: Path, problem: _Unreadable) -> SavedWorkError:
    """The student-facing error for an unreadable work file, with the way out."""
    backup = _backup_of(path)
    values = dict(file=path, name=path.stem, backup=backup, **problem.values)
    if isinstance(problem, _LeftAlone):
        return _error(*problem.keys, "storage_left_alone", **values)
    hint = "storage_hint_backup" if _read_good(backup) else "storage_hint_no_backup"
    error = _error(*problem.keys, hint, **values)
    error.recoverable = (path.stem, path.parent)
    return error


def _error(*keys: str, **values) -> SavedWorkError:
    """A SavedWorkError made of the interface strings `keys`, in English and in Arabic."""
    return SavedWorkError(*(" ".join(t(key, lang, **values) for key in keys)
                            for lang in ("en", "ar")))

"""Reading a command's input files and writing its outputs: all of them or none, never onto an input.

Inputs are read only when they are regular files (a FIFO or a device is refused without
being opened, so nothing can hang a command). Outputs go through `write_outputs`, the one
function that writes files; see its docstring for what it refuses and what it guarantees.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from ..engine.errors import InputError
from ..engine.result import Reason, say
from ..reports import words as _book  # noqa: F401  (loads the phrase book, which every error is said by)

MAX_INPUT_BYTES = 2 * 1024 * 1024
GLOB = "*.yaml"  # what a folder given as input contributes


class OutputError(InputError):
    """An output that cannot be written: one line naming the path and what is wrong."""

    def __init__(self, path: str, message: Reason | str):
        super().__init__(path, None, None, message)

    def __reduce__(self):
        return (type(self), (self.file, self.reason))


def _why(exc: BaseException) -> str:
    """An OS error in words ("Permission denied"), for the end of a line."""
    return getattr(exc, "strerror", None) or str(exc)


def _kind(mode: int) -> Reason:
    """What a file that is not a regular file is (a phrase)."""
    for test, code in ((stat.S_ISDIR, "dir"), (stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "char"), (stat.S_ISBLK, "block"),
                       (stat.S_ISSOCK, "socket")):
        if test(mode):
            return say(f"files.kind.{code}")
    return say("files.kind.other")


def read_input(path: Path | str, limit: int = MAX_INPUT_BYTES, hint: Reason = Reason()) -> bytes:
    """A regular file's bytes, or an InputError that says in one line why it cannot be read.

    Anything but a regular file (a folder, FIFO, device, socket) is refused without being
    opened; the file is opened without blocking and checked again once open. A file larger
    than `limit` bytes is refused before it is read (`hint` ends that line)."""
    name = str(path)
    try:
        st = os.stat(name)
    except FileNotFoundError:
        raise InputError(name, 0, 0, say("files.no_such_file")) from None
    except OSError as exc:
        raise InputError(name, 0, 0, say("files.cannot_read", why=_why(exc))) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, 0, 0, say("files.is_dir"))
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, 0, 0, say("files.not_regular", kind=_kind(st.st_mode)))
    if st.st_size > limit:
        raise InputError(name, 0, 0, say("files.too_big", size=f"{st.st_size:,}", limit=f"{limit:,}") + hint)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise InputError(name, 0, 0, say("files.cannot_read", why=_why(exc))) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the look and the opening
            raise InputError(name, 0, 0, say("files.not_regular", kind=say("files.kind.other")))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:  # grew since it was looked at
            raise InputError(name, 0, 0, say("files.grew", limit=f"{limit:,}"))
        return data
    except OSError as exc:
        raise InputError(name, 0, 0, say("files.cannot_read", why=_why(exc))) from None
    finally:
        os.close(fd)


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, with each folder replaced by the YAML files in it (sorted); a folder without one is an error."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(p.glob(GLOB))
            if not found:
                raise InputError(str(p), 0, 0, say("files.no_yaml", glob=GLOB))
            files += found
        else:
            files.append(p)
    return files


# ---------------------------------------------------------------- writing


@dataclass
class _Target:
    """One output: where its bytes go and how."""
    path: str                 # as the user gave it (for messages)
    data: bytes
    place: str                # the file the bytes end in: the path with its symbolic links resolved
    stream: bool = False      # a character device or FIFO: written through, never replaced
    mode: int | None = None   # the permissions of the file replaced (None: a new file)
    tmp: str | None = None    # the staged content, beside `place`
    backup: str | None = None  # a hard link to the file replaced, while the renames run


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _ident(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _protected(inputs: Iterable[Path | str]) -> tuple[dict[tuple[int, int], str], dict[tuple[int, int], str]]:
    """The (device, inode) of every input file, and of every input folder (whose *.yaml files are read)."""
    files, folders = {}, {}
    for p in inputs:
        try:
            st = os.stat(p)
        except (OSError, ValueError):
            continue
        (folders if stat.S_ISDIR(st.st_mode) else files)[_ident(st)] = str(p)
    return files, folders


def _target(path: Path | str, data: bytes, files: dict, folders: dict, seen: dict, lang: str = "en") -> _Target:
    """Look at one output path and decide where and how its bytes go, or refuse it (OutputError)."""
    name = os.fspath(path)
    if not name:
        raise OutputError("''", say("files.path_empty"))
    if name.endswith(os.sep):
        raise OutputError(name, say("files.names_folder"))
    try:
        st = os.stat(name)  # through every symbolic link, the kernel's way (/proc's links too)
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise OutputError(name, say("files.parent_not_folder")) from None
    except (OSError, ValueError) as exc:
        raise OutputError(name, say("files.cannot_write", why=_why(exc))) from None
    if st is None:  # a new file (or a symbolic link to none yet: the file it names is made)
        place = os.path.realpath(name)
        parent = os.path.dirname(place)
        try:
            pst = os.stat(parent)
        except OSError:
            raise OutputError(name, say("files.no_folder", folder=parent)) from None
        if not stat.S_ISDIR(pst.st_mode):
            raise OutputError(name, say("files.not_folder_named", folder=parent))
        if _ident(pst) in folders and Path(place).match(GLOB):
            raise OutputError(name, say("files.in_read_folder", folder=folders[_ident(pst)], glob=GLOB))
        key: object = place
        target = _Target(name, data, place)
    else:
        key = _ident(st)
        if key in files:
            raise OutputError(name, say("files.is_input") if files[key] == name
                              else say("files.is_input_as", other=files[key]))
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(name, say("files.out_is_dir"))
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            target = _Target(name, data, name, stream=True)
        elif not stat.S_ISREG(st.st_mode):
            raise OutputError(name, say("files.out_kind", kind=_kind(st.st_mode)))
        elif not os.access(name, os.W_OK):
            raise OutputError(name, say("files.read_only"))
        else:
            target = _Target(name, data, os.path.realpath(name), mode=stat.S_IMODE(st.st_mode))
    if key in seen:
        raise OutputError(name, say("files.out_twice", other=seen[key]))
    seen[key] = name
    return target


def _stage(t: _Target, mask: int) -> None:
    """Write `t`'s bytes to a new temporary file beside the file they are for (a short name: a 255-byte name fits)."""
    folder = os.path.dirname(t.place)
    try:
        fd, t.tmp = tempfile.mkstemp(prefix=".ipcheck-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(t.path, say("files.cannot_make", folder=folder, why=_why(exc))) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(t.data)
            fh.flush()
            os.fchmod(fh.fileno(), t.mode if t.mode is not None else 0o666 & ~mask)  # mkstemp makes 0600
            os.fsync(fh.fileno())
    except OSError as exc:
        raise OutputError(t.path, say("files.cannot_write", why=_why(exc))) from None


def _write_through(t: _Target) -> None:
    """Write `t`'s bytes into the character device or FIFO at its path (never made, never replaced)."""
    try:
        # O_NONBLOCK: a FIFO no process reads from is an error, not a wait without end.
        fd = os.open(t.path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError as exc:
        why = "no process is reading from it" if exc.errno == errno.ENXIO else _why(exc)
        raise OutputError(t.path, say("files.cannot_write", why=why)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):  # replaced since it was looked at
            raise OutputError(t.path, say("files.changed_writing"))
        os.set_blocking(fd, True)
        view = memoryview(t.data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise OutputError(t.path, say("files.cannot_write", why=_why(exc))) from None
    finally:
        os.close(fd)


def _keep_old(t: _Target) -> None:
    """A hard link to the file about to be replaced (a copy where links are not possible), to put it back."""
    folder = os.path.dirname(t.place)
    for _ in range(100):
        name = os.path.join(folder, f".ipcheck-{os.urandom(6).hex()}.old")
        try:
            os.link(t.place, name)
        except FileExistsError:
            continue
        except OSError:
            try:
                shutil.copy2(t.place, name)
            except OSError as exc:
                _unlink(name)
                raise OutputError(t.path, say("files.cannot_keep", why=_why(exc))) from None
        t.backup = name
        return


def _unlink(path: str | None) -> None:
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass


def _sync_folders(done: list[_Target]) -> None:
    """Make the renames durable (best effort: not every file system lets a folder be synced)."""
    for folder in sorted({os.path.dirname(t.place) for t in done}):
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def _folder_to_make(path: Path | str, files: dict, lang: str) -> str | None:
    """Check a folder an output's files go into: None when it exists, else the path to make (nothing made here)."""
    name = os.fspath(path)
    try:
        st = os.stat(name)
    except FileNotFoundError:
        st = None
    except (OSError, ValueError) as exc:
        raise OutputError(name, say("files.folder_unusable", why=_why(exc))) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            return None
        if _ident(st) in files:
            raise OutputError(name, say("files.folder_is_input"))
        raise OutputError(name, say("files.not_a_folder"))
    limit = 255  # NAME_MAX of every common file system
    if len(os.fsencode(os.path.basename(os.path.normpath(name)))) > limit:
        raise OutputError(name, say("files.name_too_long", limit=limit))
    return name


def _make_folders(names: list[str], lang: str) -> list[str]:
    """Make the folders named (and their missing parents); the folders made, outermost first, to remove again."""
    made: list[str] = []
    try:
        for name in names:
            missing = []
            p = os.path.abspath(name)
            while not os.path.lexists(p):
                missing.append(p)
                p = os.path.dirname(p)
            for q in reversed(missing):
                os.mkdir(q)
                made.append(q)
    except OSError as exc:
        _remove_folders(made)
        raise OutputError(name, say("files.folder_unusable", why=_why(exc))) from None
    return made


def _remove_folders(made: list[str]) -> None:
    for q in reversed(made):
        try:
            os.rmdir(q)
        except OSError:
            pass


def _lock_unchanged(t: _Target, before: bytes, lang: str) -> int:
    """Lock the file `t` replaces and check it still holds `before` (what the command read); the locked descriptor.

    Two commands updating one file: the second waits for the first's lock, then finds a
    different file at the path (the first's rename) and refuses. A hand edit made since
    the file was read is found by its content. Either way nothing is written."""
    try:
        fd = os.open(t.place, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise OutputError(t.path, say("files.changed_since_read")) from None
    except OSError as exc:
        raise OutputError(t.path, say("files.cannot_write", why=_why(exc))) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        now = os.stat(t.place)
        if _ident(now) != _ident(os.fstat(fd)):
            raise OutputError(t.path, say("files.changed_since_read"))
        with os.fdopen(os.dup(fd), "rb") as fh:
            if fh.read(len(before) + 1) != before:
                raise OutputError(t.path, say("files.changed_since_read"))
    except BaseException:
        os.close(fd)
        raise
    return fd


def write_outputs(outputs: Sequence[tuple[Path | str, bytes]], inputs: Iterable[Path | str] = (), *,
                  folders: Sequence[Path | str] = (), unchanged: Mapping[str, bytes] | None = None,
                  before_commit: Callable[[], None] | None = None, lang: str = "en") -> None:
    """Write every output of a command, all of them or none (OutputError: one line naming the path).

    Refused before anything is written: an empty path; a folder, block device or socket; a
    read-only file; a path that is one of the command's `inputs` (the same file by device
    and inode, through any symbolic or hard link); a new *.yaml file in an input folder;
    two outputs at the same place; one of `folders` (where outputs go, made when missing)
    that is a file, a device or an over-long name. A symbolic link is written through (the
    link stays, the file it names gets the content). A character device or FIFO is written
    through, never replaced (/dev/null stays /dev/null; a FIFO no process reads is refused).

    Regular files are first written in full to temporary files beside their targets; then
    each file in `unchanged` (path → the bytes read from it) is locked and checked to hold
    those bytes still (another command or a hand edit changed it: refused); then
    `before_commit` runs (it prints what the command says: when that fails, nothing is
    written); then devices and FIFOs are written; only then are the temporary files renamed
    into place, and the locks released.
    When anything fails, every temporary file and folder made is removed and every file
    already renamed gets its previous content back: nothing new is left behind.
    """
    files, input_folders = _protected(inputs)
    to_make = [m for m in (_folder_to_make(f, files, lang) for f in folders) if m]
    made = _make_folders(to_make, lang)
    regular: list[_Target] = []
    done: list[_Target] = []
    locks: list[int] = []
    try:
        seen: dict = {}
        targets = [_target(path, data, files, input_folders, seen, lang) for path, data in outputs]
        regular = [t for t in targets if not t.stream]
        mask = _umask()
        for t in regular:
            _stage(t, mask)
        expected = {os.path.realpath(p): data for p, data in (unchanged or {}).items()}
        for t in regular:
            if t.place in expected:
                locks.append(_lock_unchanged(t, expected[t.place], lang))
        if before_commit is not None:
            before_commit()
        for t in targets:
            if t.stream:
                _write_through(t)
        for t in regular:
            if t.mode is not None and len(regular) > 1:
                _keep_old(t)
            try:
                os.replace(t.tmp, t.place)  # type: ignore[arg-type]
            except OSError as exc:
                raise OutputError(t.path, say("files.cannot_write", why=_why(exc))) from None
            t.tmp = None
            done.append(t)
        _sync_folders(done)
    except BaseException:
        for t in reversed(done):  # put back what was there before
            try:
                if t.backup:
                    os.replace(t.backup, t.place)
                    t.backup = None
                else:
                    os.unlink(t.place)
            except OSError:
                pass
        for t in regular:
            _unlink(t.tmp)
            t.tmp = None
        _remove_folders(made)
        raise
    finally:
        for fd in locks:
            os.close(fd)
        for t in regular:
            _unlink(t.tmp)
            _unlink(t.backup)

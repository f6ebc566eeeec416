"""Small trees of files for build tests: written from a dict, read back as one."""


def tree(folder):
    """``{relative path: bytes}`` of every file under ``folder``."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def write(folder, files):
    """Write ``files`` (``{relative path: bytes}``) under ``folder``, making folders."""
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)

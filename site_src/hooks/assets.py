"""MkDocs hook: publish site_src/assets/ (CSS, JS, images) under /assets/ of the site.

The assets live beside the markdown rather than inside docs_dir so that pages and
design files stay apart; this adds them to the build and to the serve watch list.
"""

from pathlib import Path

from mkdocs.structure.files import File

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def on_files(files, config):
    for source in sorted(ASSETS.rglob("*")):
        if source.is_file() and not source.name.startswith("."):
            uri = "assets/" + source.relative_to(ASSETS).as_posix()
            if files.get_file_from_path(uri) is None:
                files.append(File(uri, str(ASSETS.parent), config.site_dir,
                                  config.use_directory_urls))
    return files


def on_serve(server, config, builder):
    server.watch(str(ASSETS))
    return server

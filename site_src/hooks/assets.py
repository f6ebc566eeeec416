"""MkDocs hook: publish site_src/assets/ (CSS, JS, images) under /assets/ of the site.

The assets live beside the markdown rather than inside docs_dir so that pages and design files
stay apart; this adds them to the build and to the serve watch list. Scripts and styles go under
a folder named by their content (``pricing_site.site_assets``: cached for good by hosts);
templates name them with ``asset('js/...')`` and mkdocs.yml's ``extra_css`` with their path
under site_src/, ``assets/css/...``.
"""

from mkdocs.structure.files import File

from pricing_site.site_assets import ASSETS, asset_url


def on_config(config):
    config.extra_css = [asset_url(path.removeprefix("assets/")) if path.startswith("assets/")
                        else path for path in config.extra_css]
    return config


def on_env(env, config, files):
    env.globals["asset"] = asset_url
    return env


def on_files(files, config):
    for source in sorted(ASSETS.rglob("*")):
        if source.is_file() and not source.name.startswith("."):
            path = source.relative_to(ASSETS.parent).as_posix()  # assets/...
            if files.get_file_from_path(path) is None:
                files.append(File(path, str(ASSETS.parent), config.site_dir,
                                  config.use_directory_urls,
                                  dest_uri=asset_url(path.removeprefix("assets/"))))
    return files


def on_serve(server, config, builder):
    server.watch(str(ASSETS))
    return server

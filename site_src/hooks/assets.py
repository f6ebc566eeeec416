"""MkDocs hook: publish site_src/assets/ (CSS, JS, images) under /assets/ of the site.

The assets live beside the markdown rather than inside docs_dir so that pages and design files
stay apart; this adds them to the build and to the serve watch list, and stops a build that
would publish a file from outside the sources through a symbolic link. Scripts, styles and images
go under folders named by their content (``pricing_site.build.assets``: cached for good by
hosts); templates name scripts with ``asset('js/...')``, images with ``src | versioned``, and
mkdocs.yml's ``extra_css``, logo and favicon keep their paths under site_src/ (rewritten here).
The images are the site's (``site_images``: assets/images/ beside its docs folder, and its docs
folder's assets/images/), not the tool's: a site made by ``pricing-site new`` publishes its own
alone.
After the build, Material's stylesheet is replaced by a copy without the rules no page uses
(``pricing_site.build.unused_css``: the largest file before a page's first paint).
A guest in someone else's site (``pricing_site.build.guest``) publishes the scripts and styles
alone, only under ``assets/v/``, and leaves the host's paths (and stylesheet) as they are.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from pricing_site.build import assets as site_assets
from pricing_site.build.assets import (VERSIONED, asset_url, docs_images, image_url,
                                       material_bundle, site_images, versioned_in)
from pricing_site.build.guest import STYLES, guest_css, is_guest
from pricing_site.build.unused_css import purge_material_css
from pricing_site.catalog.files import link_out


def on_config(config):
    if is_guest(config):  # the host's paths are its own
        return config
    config.extra_css = [asset_url(path.removeprefix("assets/")) if path.startswith("assets/")
                        else path for path in config.extra_css]
    versioned = versioned_in(site_images(config.docs_dir), config.docs_dir)
    for name in ("logo", "favicon"):  # Material's header and <link rel=icon>
        config.theme[name] = versioned(config.theme[name])
    return config


def on_env(env, config, files):
    env.globals["asset"] = asset_url
    env.globals["material_bundle"] = material_bundle(env.loader.get_source(env, "base.html")[0])
    env.filters["versioned"] = _as_named if is_guest(config) else versioned_in(
        site_images(config.docs_dir), config.docs_dir)
    return env


def _as_named(src):
    return src  # a guest's images are the host's, at their own paths


def on_files(files, config):
    assets = site_assets.ASSETS  # read at each build, as asset_url reads it (a test's copy)
    if is_guest(config):
        return _guest_files(files, config, assets)
    for folder in VERSIONED:
        for source in sorted((assets / folder).rglob("*")):
            if source.is_file() and not source.name.startswith("."):
                path = source.relative_to(assets.parent).as_posix()  # assets/...
                if files.get_file_from_path(path) is None:
                    files.append(File(path, str(assets.parent), config.site_dir,
                                      config.use_directory_urls,
                                      dest_uri=asset_url(path.removeprefix("assets/"))))
    images = site_images(config.docs_dir)
    _publish_images(files, config, images)
    _version_docs_images(files, config)
    _refuse_links_out(files, (Path(config.docs_dir), assets.parent,
                              *([images.parent.parent] if images else [])))
    return files


def _publish_images(files, config, images):
    """The site's images folder (``site_images``; None: none) at each image's versioned URL,
    for the templates, and at its plain path, for markdown and og:image; an image the docs
    folder has at that path is the docs folder's (``versioned_in`` versions that one)."""
    if images is None:
        return
    sources = images.parent.parent  # site_src/ of site_src/assets/images/
    for source in sorted(images.rglob("*")):
        if source.is_file() and not source.name.startswith("."):
            path = source.relative_to(sources).as_posix()  # assets/images/...
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, image_url(path.removeprefix("assets/"),
                                                              images), abs_src_path=str(source)))
                files.append(File(path, str(sources), config.site_dir, config.use_directory_urls))


def _version_docs_images(files, config):
    """A copy of each image of the docs folder's assets/images/ at its versioned URL too (MkDocs
    publishes the file at its own path)."""
    in_docs = docs_images(config.docs_dir)
    for file in list(files):
        if file.src_uri.startswith("assets/images/") and file.abs_src_path and \
                Path(file.abs_src_path).is_relative_to(in_docs):
            versioned = image_url(file.src_uri.removeprefix("assets/"), in_docs)
            files.append(File.generated(config, versioned, abs_src_path=file.abs_src_path))


def _guest_files(files, config, assets):
    """The scripts and styles at their versioned URLs (no host file is there), and the pricing
    components' stylesheet; the host's files are not checked: they are the host's."""
    for folder in VERSIONED:
        for source in sorted((assets / folder).rglob("*")):
            if source.is_file() and not source.name.startswith("."):
                target = asset_url(source.relative_to(assets).as_posix())
                files.append(File.generated(config, target, abs_src_path=str(source)))
    styles = guest_css((assets / "css" / "site.css").read_text(encoding="utf-8"))
    files.append(File.generated(config, asset_url(STYLES), content=styles))
    _refuse_links_out(files, (assets,))
    return files


def _refuse_links_out(files, sources):
    """Stop the build when a file of ``sources`` (pages, assets, theme overrides) is, or lies in,
    a symbolic link to somewhere outside them: it would be published."""
    ours = {file.abs_src_path for file in files if file.abs_src_path and
            any(Path(file.abs_src_path).is_relative_to(folder) for folder in sources)}
    refused = [f"{path} {reason}" for path in sorted(ours) if (reason := link_out(path, sources))]
    if refused:
        raise PluginError("\n".join(refused))


@event_priority(-80)  # once every page and script is written; before the precompression (-100)
def on_post_build(config):
    if is_guest(config):
        return
    languages = config.extra["site_languages"]["all"]   # other languages' builds are their own
    purge_material_css(config.site_dir, [folder for _, folder in languages if folder])


def on_serve(server, config, builder):
    server.watch(str(site_assets.ASSETS))
    return server

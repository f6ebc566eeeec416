"""MkDocs hook: the pages of one language (docs/catalog.md, "Locales").

A locale's markdown pages live in a folder of its code (site_src/docs/de/pricing.md): its
build takes them in place of the file's own language's (a page it lacks is that one, in the
locale's chrome), and every other build leaves the folder out. Each page gets its
counterparts in every language: hreflang links (absolute, x-default the file's language),
Material's language switcher pointing at the same page, and og:locale with its alternates.
"""

from mkdocs.structure.files import File

from pricing_site.build.locales import alternates, build_locale_code


def on_files(files, config):
    folders = [folder for _, folder in config.extra["site_languages"]["all"] if folder]
    code = build_locale_code()
    own = f"{code}/" if code else None
    for file in list(files):
        folder = next((f for f in folders if file.src_uri.startswith(f)), None)
        if folder is None:
            continue
        files.remove(file)
        if folder == own and file.src_uri.endswith(".md"):
            path = file.src_uri.removeprefix(folder)
            replaced = files.get_file_from_path(path)
            if replaced is not None:
                files.remove(replaced)
            files.append(File(path, f"{config.docs_dir}/{folder}", config.site_dir,
                              config.use_directory_urls))
    return files


def on_page_context(context, page, config, nav):
    if len(config.extra["site_languages"]["all"]) < 2:
        return context
    links = alternates(page.url, config.extra["site_languages"])
    config.extra["alternate"] = [{"name": alt["name"], "lang": alt["lang"], "link": alt["link"],
                                  "href": alt["href"]} for alt in links]
    context["hreflang_default"] = links[0]["link"]
    if context.get("share") is not None:
        context["share"]["locale"] = next(alt["og"] for alt in links if alt["current"])
        context["share"]["locale_alternates"] = [alt["og"] for alt in links if not alt["current"]]
    return context

"""MkDocs hook: the templates' and the page data's own words in the build's language.

The build's locale (``build_locale``) picks the translations of site_src/locales: Jinja2's
i18n extension gets them on the theme's environment, and the page data
(``pricing_site.pages.words``) has them in force from the configuration to the last file
with words written, then English again (a process may build other sites after this one).
So has the engine its catalog's locale (its formats and words: the page data formats the
engine's amounts too, and must write them as the live calculator does).
"""

from contextlib import ExitStack

from mkdocs.plugins import event_priority

from calculator.locale import using
from pricing_site.build.locale import build_locale, install, translations
from pricing_site.pages.words import speaking

_held = None  # what the build put in force: its words and the engine's locale


@event_priority(-50)  # after the catalog hook's, which sets the language from plans.yaml
def on_config(config):
    global _held
    _release()
    _held = ExitStack()
    _held.enter_context(speaking(translations(build_locale(config))))
    _held.enter_context(using(getattr(config.extra.get("catalog_data"), "locale", None)))
    return config


def on_env(env, config, files):
    return install(env, build_locale(config))


@event_priority(-90)  # after every file with words is written; the precompression (-100) has none
def on_post_build(config):
    _release()


def on_build_error(error):
    _release()


def _release():
    global _held
    if _held is not None:
        try:
            _held.close()
        except ValueError:  # set in another context (a rebuild on another thread)
            pass
        _held = None

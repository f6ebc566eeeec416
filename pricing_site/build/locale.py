"""The language a build is for, as every part of the build asks for it."""


def build_locale(config):
    """The build's locale code: its theme's language, which ``locales.configure`` sets to the
    locale a per-locale build is for (plans.yaml's ``site.language`` or mkdocs.yml's
    ``theme.language`` for the default one)."""
    return config.theme["language"]

"""The ``pricing`` MkDocs plugin: the site's hooks and templates, from wherever the package is.

``plugins: [pricing: {catalog: plans.yaml}]`` in mkdocs.yml (with ``theme: material``) gives a
site the landing and pricing templates, the calculator's assets and runtime and every build
step of ``site_src/hooks/``, from a checkout or from the installed wheel alike. The hooks keep
their own event functions and priorities: each is registered as MkDocs registers a file of
``hooks:``, in ``HOOKS`` order. ``mode: guest`` adds the pricing page to someone else's
Material site and leaves the rest of it theirs (``pricing_site.build.guest``).
"""

import importlib.util
import sys

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import EVENTS, BasePlugin, CombinedEvent, event_priority

from pricing_site.build import guest
from pricing_site.build.sources import HOOKS as HOOKS_DIR
from pricing_site.build.sources import OVERRIDES

# the order of a build: the catalog first, the precompression last (its own priority)
STYLES = "assets/css/site.css"
HOOKS = ("catalog", "words", "runtime", "assets", "pages", "locales", "embed", "outputs",
         "experiment", "search_entries",
         "serve", "precompress")


class PricingConfig(Config):
    catalog = config_options.Optional(config_options.Type(str))  # beside mkdocs.yml
    mode = config_options.Choice(guest.MODES, default="site")  # guest: docs/plugin.md


class PricingPlugin(BasePlugin[PricingConfig]):
    def __init__(self):
        super().__init__()
        hooks = [_hook(name) for name in HOOKS]
        for event in EVENTS:
            methods = [getattr(hook, f"on_{event}") for hook in hooks
                       if callable(getattr(hook, f"on_{event}", None))]
            methods = [*self._own_steps.get(event, ()), *methods]
            if methods:  # an instance attribute: registered as given, each with its priority
                setattr(self, f"on_{event}", CombinedEvent(*methods))

    @property
    def _own_steps(self):
        return {"config": (self._add_templates,), "env": (self._add_guest_templates,),
                "files": (self._add_pricing_page,), "nav": (self._note_host_outputs,)}

    @event_priority(101)  # before the catalog hook's (100): the theme's folders first
    def _add_templates(self, config):
        if config.theme.name != "material":
            raise PluginError(f"the pricing plugin needs theme: material (mkdocs.yml has "
                              f"{config.theme.name!r})")
        if self.config.mode == "guest":  # its templates come through its own loader (env)
            return config
        dirs, ours = config.theme.dirs, str(OVERRIDES)
        if ours not in dirs:  # after the site's custom_dir, before Material's own
            dirs.insert(1 if config.theme.custom_dir else 0, ours)
        if STYLES not in config.extra_css:  # the templates' look (the assets hook versions it)
            config.extra_css.insert(0, STYLES)
        return config

    def _add_guest_templates(self, env, config, files):
        if self.config.mode == "guest":
            guest.add_templates(env)
        return env

    def _add_pricing_page(self, files, config):
        return guest.pricing_page(files, config) if self.config.mode == "guest" else files

    def _note_host_outputs(self, nav, config, files):
        # every file is known by then: the host's docs and what other plugins generated
        if self.config.mode == "guest":
            config.extra["host_outputs"] = guest.host_outputs(files)
        return nav


def _hook(name):
    """The hook module ``name`` of site_src/hooks/, loaded once as MkDocs loads a hook file."""
    module_name = f"pricing_site_hooks.{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, HOOKS_DIR / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]

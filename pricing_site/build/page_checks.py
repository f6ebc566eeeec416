"""What MkDocs does not check of a markdown page: front matter it cannot read, and the
anchors a page's template wrote.
"""

from html.parser import HTMLParser

import yaml


def front_matter_problem(src_path, text):
    """Where and why a markdown page's front matter (between its --- lines) is not a mapping
    (MkDocs leaves front matter it cannot read in the page's text, and says nothing)."""
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{src_path}:{mark.line + 2}:{mark.column + 1}" if mark else src_path
        return f"{where}: the front matter is not valid YAML: {exc.problem or exc.context}"
    except yaml.YAMLError as exc:
        return f"{src_path}: the front matter is not valid YAML: {exc}"
    if data is None:
        return f"{src_path}:1:1: the front matter is empty: remove its --- lines"
    return (f"{src_path}:2:1: the front matter must be 'key: value' lines, "
            f"got {type(data).__name__}")


def element_ids(html):
    """Every ``id`` in ``html``: MkDocs knows only the ids of a page's markdown, and the landing
    and pricing sections (``pricing.md#pricing-faq``) are written by their templates."""
    ids = set()
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: ids.update(v for k, v in attrs if k == "id" and v)
    parser.feed(html)
    parser.close()
    return ids

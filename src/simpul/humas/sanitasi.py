"""HTML from the editor (or an imported WordPress post) is cleaned with nh3 (the Ammonia
sanitiser) before it is stored: only the tags the editor produces survive, scripts and
event handlers are removed with their content."""

import nh3

TAG = {"p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "code", "pre",
       "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a", "img", "figure",
       "figcaption", "table", "thead", "tbody", "tr", "th", "td", "caption", "span"}
ATRIBUT = {
    "a": {"href", "title", "target"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start", "type"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
_pembersih = nh3.Cleaner(tags=TAG, attributes=ATRIBUT, url_schemes={"http", "https", "mailto"},
                         link_rel="noopener noreferrer", strip_comments=True)


def html_bersih(html: str) -> str:
    """The HTML with everything outside the allow-list removed (script and style with
    their content); an editor's empty document ('<p></p>') becomes ''."""
    bersih = _pembersih.clean(html or "").strip()
    return "" if bersih in ("<p></p>", "<p><br></p>") else bersih

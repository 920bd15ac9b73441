"""Tests for generator.site.compact."""

from __future__ import annotations

from generator.site.compact import compact


def test_indentation_and_blank_lines_between_tags_become_one_line_break() -> None:
    html = "<ul>\n    \n      <li>One</li>\n\n\n      <li>Two</li>\n  </ul>\n"
    assert compact(html) == "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n"


def test_spacing_between_words_is_kept() -> None:
    assert compact("<p>a  b\t c</p>") == "<p>a  b\t c</p>"
    assert compact("<p>News\n      Digest</p>") == "<p>News\nDigest</p>"


def test_preformatted_code_script_and_style_are_copied_whole() -> None:
    kept = ("<pre>  x\n\n    y</pre>", "<textarea>\n  a\n</textarea>", "<code>a\n   b</code>",
            "<script>\n  let s = `a\n   b`;\n</script>", "<style>\n  p { }\n</style>",
            "<PRE class='c'>\n   z</PRE>")
    for html in kept:
        assert compact(f"<div>{html}</div>") == f"<div>{html}</div>"


def test_tags_attributes_and_comments_are_untouched() -> None:
    html = '<a title="one\n    two" href="#x">\n   link</a><!-- a > b\n   c -->'
    assert compact(html) == '<a title="one\n    two" href="#x">\nlink</a><!-- a > b\n   c -->'

"""The template context's quick call path (render._Context): plain helpers are called straight away, and anything
Jinja treats specially still is."""

from __future__ import annotations

import jinja2

from builder import render


def _render(source: str, **context: object) -> str:
    return render._environment().from_string(source).render(**context)


def test_plain_helpers_are_called_with_their_arguments_in_loops_too() -> None:
    assert _render("{% for n in [1, 2] %}{{ add(n, k=10) }};{% endfor %}", add=lambda n, k: n + k) == "11;12;"


def test_helpers_that_ask_for_the_context_still_get_it() -> None:
    @jinja2.pass_context
    def page(context: jinja2.runtime.Context, suffix: str) -> str:
        return f"{context['page_path']}{suffix}"

    assert _render("{% for n in [1] %}{{ page(' top') }}{% endfor %}", page=page, page_path="a.md") == "a.md top"


def test_a_stop_iteration_gives_undefined_as_in_jinja() -> None:
    def exhausted() -> object:
        raise StopIteration

    assert _render("{{ f() is undefined }}", f=exhausted) == "True"


def test_methods_and_builtins_are_called_too() -> None:
    assert _render("{{ ' a b '.split() | join('-') }} {{ d.get('k') }}", d={"k": "v"}) == "a-b v"

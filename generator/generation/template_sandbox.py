"""The sandbox that enforces the template rules (template_rules.py).

Every parsed template is walked before it is compiled (`template_problems`):
only the documented variables and their fields, `for` and `if`, the allowed
filters and tests, comparisons and constants; anything else (a call, private
attributes, arithmetic, `set`, `include`, ...) is refused with the paragraph
it is in. `TemplateEnvironment` is Jinja's immutable sandbox with no globals
that applies this check to every piece of Jinja docxtpl hands it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.errors import ConventioError
from generator.generation.template_rules import (
    CONTEXT,
    FILTERS,
    LOOP,
    TESTS,
    Kind,
    Value,
)

_COMPARISONS = {"eq", "ne", "lt", "lteq", "gt", "gteq", "in", "notin"}
_TAG_OF = {
    "Assign": "set",
    "AssignBlock": "set",
    "Macro": "macro",
    "CallBlock": "call",
    "FilterBlock": "filter",
    "With": "with",
    "Include": "include",
    "Import": "import",
    "FromImport": "from ... import",
    "Extends": "extends",
    "Block": "block",
    "ScopedEvalContextModifier": "autoescape",
    "EvalContextModifier": "autoescape",
    "ExprStmt": "do",
    "Continue": "continue",
    "Break": "break",
}
_OPERATORS = {
    "Add": "+",
    "Sub": "-",
    "Mul": "*",
    "Div": "/",
    "FloorDiv": "//",
    "Mod": "%",
    "Pow": "**",
    "Neg": "-",
    "Pos": "+",
}
_ALLOWED = "a template may only read the variables listed in docs/templates.md"


class TemplateRefused(ConventioError):
    """A template uses something templates may not; `problems` says what, where."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _describe(value: Value) -> str:
    if value.kind == "record":
        return f"it has {', '.join(value.fields)}"
    if value.kind == "list":
        return "it is a list: loop over it with {%p for x in ... %}"
    return f"it is a {value.kind}"


class _Checker:
    """Walks a parsed template; collects (line, message) for what is refused."""

    def __init__(self, available: frozenset[str] | None):
        self.available = available
        self.found: list[tuple[int, str]] = []

    def refuse(self, node: nodes.Node, message: str) -> None:
        self.found.append((node.lineno, message))

    # statements ------------------------------------------------------------

    def body(self, statements: list[nodes.Node], scope: dict[str, Value]) -> None:
        for statement in statements:
            self.statement(statement, scope)

    def statement(self, node: nodes.Node, scope: dict[str, Value]) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expression(child, scope)
        elif isinstance(node, nodes.For):
            self.loop(node, scope)
        elif isinstance(node, nodes.If):
            self.expression(node.test, scope)
            self.body(node.body, scope)
            for branch in node.elif_:
                self.statement(branch, scope)
            self.body(node.else_, scope)
        else:
            name = type(node).__name__
            tag = _TAG_OF.get(name, name.lower())
            self.refuse(
                node,
                f"the tag {{% {tag} %}} is not allowed: a template may use only "
                f"{{% for %}} and {{% if %}}/{{% elif %}}/{{% else %}}",
            )

    def loop(self, node: nodes.For, scope: dict[str, Value]) -> None:
        if not isinstance(node.target, nodes.Name):
            self.refuse(node, "a {% for %} loop takes one name: {%p for b in blocks %}")
            return
        if node.recursive:
            self.refuse(node, "a recursive {% for %} loop is not allowed")
            return
        listed = self.expression(node.iter, scope)
        if listed is not None and listed.kind != "list":
            self.refuse(node, f"{{% for %}} loops over a list; {_describe(listed)}")
            listed = None
        item = listed.items if listed is not None and listed.items else None
        inner = {**scope, "loop": LOOP, node.target.name: item or Value("an item", "text")}
        if node.test is not None:
            self.expression(node.test, inner)
        self.body(node.body, inner)
        self.body(node.else_, scope)

    # expressions ------------------------------------------------------------

    def expression(self, node: nodes.Node, scope: dict[str, Value]) -> Value | None:
        """What `node` holds, or None once something in it is refused."""
        private = [attr for attr in _attributes(node) if attr.startswith("_")]
        if private:
            self.refuse(
                node,
                f"{private[-1]!r} is not allowed: a template cannot reach into the program "
                f"behind the values; {_ALLOWED}",
            )
            return None
        return self.value(node, scope)

    def value(self, node: nodes.Node, scope: dict[str, Value]) -> Value | None:
        if isinstance(node, nodes.Name):
            return self.name(node, scope)
        if isinstance(node, nodes.Getattr):
            return self.field(node, node.node, node.attr, scope)
        if isinstance(node, nodes.Getitem):
            return self.item(node, scope)
        if isinstance(node, nodes.Const):
            kind: Kind = "text" if isinstance(node.value, str) else "number"
            return Value("a constant", kind)
        if isinstance(node, nodes.Tuple | nodes.List):
            for item in node.items:
                self.value(item, scope)
            return Value("a list of constants", "list", items=Value("a constant", "text"))
        if isinstance(node, nodes.Compare):
            self.value(node.expr, scope)
            for operand in node.ops:
                if operand.op not in _COMPARISONS:
                    self.refuse(node, f"the comparison {operand.op!r} is not allowed")
                self.value(operand.expr, scope)
            return Value("true or false", "number")
        if isinstance(node, nodes.And | nodes.Or):
            self.value(node.left, scope)
            self.value(node.right, scope)
            return Value("true or false", "number")
        if isinstance(node, nodes.Not):
            self.value(node.node, scope)
            return Value("true or false", "number")
        if isinstance(node, nodes.CondExpr):
            self.value(node.test, scope)
            chosen = self.value(node.expr1, scope)
            if node.expr2 is not None:
                self.value(node.expr2, scope)
            return chosen
        if isinstance(node, nodes.Concat):
            for part in node.nodes:
                self.value(part, scope)
            return Value("text", "text")
        if isinstance(node, nodes.Filter):
            return self.filtered(node, scope)
        if isinstance(node, nodes.Test):
            if node.name not in TESTS:
                self.refuse(
                    node,
                    f"the test {node.name!r} is not allowed (allowed: {', '.join(TESTS)})",
                )
            self.value(node.node, scope)
            return Value("true or false", "number")
        name = type(node).__name__
        if isinstance(node, nodes.Call):
            what = "calling a function or a method (name(...))"
        elif name in _OPERATORS:
            what = f"arithmetic ({_OPERATORS[name]})"
        else:
            what = f"this kind of expression ({name})"
        self.refuse(node, f"{what} is not allowed in a template; {_ALLOWED}")
        return None

    def name(self, node: nodes.Name, scope: dict[str, Value]) -> Value | None:
        if node.name in scope:
            return scope[node.name]
        known = CONTEXT.get(node.name)
        if known is None or (self.available is not None and node.name not in self.available):
            has = sorted(self.available) if self.available is not None else sorted(CONTEXT)
            self.refuse(
                node,
                f"the variable {node.name!r} is not in the context (it has: {', '.join(has)})",
            )
            return None
        return known

    def field(
        self, node: nodes.Node, base_node: nodes.Node, attr: str, scope: dict[str, Value]
    ) -> Value | None:
        base = self.value(base_node, scope)
        if base is None:
            return None
        if base.kind == "record" and attr in base.fields:
            return base.fields[attr]
        self.refuse(node, f"{_dotted(base_node)} has no field {attr!r}: {_describe(base)}")
        return None

    def item(self, node: nodes.Getitem, scope: dict[str, Value]) -> Value | None:
        key = node.arg
        if isinstance(key, nodes.Const) and isinstance(key.value, str):
            return self.field(node, node.node, key.value, scope)
        base = self.value(node.node, scope)
        if base is None:
            return None
        if base.kind == "list" and isinstance(key, nodes.Const) and isinstance(key.value, int):
            return base.items or Value("an item", "text")
        self.refuse(node, f"{_dotted(node.node)}[...] takes a whole number, as in a.columns[0]")
        return None

    def filtered(self, node: nodes.Filter, scope: dict[str, Value]) -> Value | None:
        if node.name not in FILTERS:
            self.refuse(
                node,
                f"the filter {node.name!r} is not allowed (allowed: {', '.join(FILTERS)})",
            )
            return None
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            self.refuse(node, f"the filter {node.name!r} takes plain values")
            return None
        base = self.value(node.node, scope) if node.node is not None else None
        for argument in [*node.args, *(k.value for k in node.kwargs)]:
            self.value(argument, scope)
        if node.name == "length":
            return Value("a count", "number")
        if node.name == "default":
            return base
        return Value("text", "text")


def _attributes(node: nodes.Node) -> Iterator[str]:
    """Every attribute name an expression reads: a.b, a['b']."""
    for found in [node, *node.find_all((nodes.Getattr, nodes.Getitem))]:
        if isinstance(found, nodes.Getattr):
            yield found.attr
        elif isinstance(found, nodes.Getitem):
            key = found.arg
            if isinstance(key, nodes.Const) and isinstance(key.value, str):
                yield key.value


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_dotted(node.node)}[{node.arg.value!r}]"
    return "this value"


def _place(source: str, line: int | None) -> str:
    """Where the tag at `line` of docxtpl's source (one paragraph per line) is:
    the paragraph's text, which the user finds in Word."""
    lines = source.splitlines()
    raw = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())
    if len(text) > 90:
        text = text[:87] + "..."
    return f"in the paragraph “{text}”" if text else "in the template"


def template_problems(
    template: nodes.Template, source: str, available: frozenset[str] | None = None
) -> list[str]:
    """What a parsed template uses that templates may not, each with the
    paragraph it is in. `available`: the variables this document's context has
    (None: every documented variable)."""
    checker = _Checker(available)
    checker.body(template.body, {})
    seen: list[str] = []
    for line, message in sorted(checker.found, key=lambda found: found[0]):
        said = f"{message} ({_place(source, line)})"
        if said not in seen:
            seen.append(said)
    return seen


class TemplateEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with no globals, only the allowed filters and
    tests, undefined variables as errors, and every template checked against
    the rules before it is compiled (TemplateRefused)."""

    def __init__(self, available: frozenset[str] | None = None):
        import jinja2

        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in FILTERS}
        self.tests = {name: self.tests[name] for name in TESTS}
        self.available = available

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        import jinja2

        if isinstance(source, str):
            try:
                parsed = self.parse(source)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateRefused(
                    [f"template error: {exc.message} ({_place(source, exc.lineno)})"]
                ) from None
            problems = template_problems(parsed, source, self.available)
            if problems:
                raise TemplateRefused(problems)
            source = parsed
        return super().from_string(source, globals, template_class)

"""The hot paths of the analysis test a libcst node's type with ``type(node) is cst.X`` or
``type(node) in kinds(...)`` instead of ``isinstance`` (libcst's classes use ABCMeta, whose
isinstance runs Python code). That is the same test only for classes nothing subclasses."""

import pathlib
import re

import libcst as cst

import lint_sockets.analysis.platforms  # noqa: F401  (defines kind sets)
import lint_sockets.analysis.walk  # noqa: F401
from lint_sockets.analysis import nodes

PACKAGE = pathlib.Path(nodes.__file__).resolve().parents[1]


def _compared_classes():
    pattern = re.compile(r"\bis (?:not )?cst\.([A-Za-z]+)\b")
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.lstrip().startswith("#"):
                names.update(pattern.findall(line))
    return {getattr(cst, name) for name in names}


def test_type_tests_name_classes_without_subclasses():
    classes = set(_compared_classes())
    for made in nodes.KIND_SETS:
        classes |= made
    assert cst.Call in classes and cst.Global in classes  # the scan found the tests
    subclassed = sorted(cls.__name__ for cls in classes if cls.__subclasses__())
    assert subclassed == []


def test_a_class_with_a_subclass_is_caught():
    class Base:
        pass

    class Derived(Base):
        pass

    assert Base.__subclasses__() == [Derived]


def test_iter_children_yields_nodes_of_fields_and_sequences():
    call = cst.parse_expression("f(a, *b, k=c)")
    children = list(nodes.iter_children(call))
    assert isinstance(children[0], cst.Name) and children[0].value == "f"
    assert [type(child) for child in children[1:]] == [cst.Arg, cst.Arg, cst.Arg]
    assert nodes.key_of(cst.parse_expression("a.b.c")) == "a.b.c"
    assert nodes.key_of(cst.parse_expression("a")) == "a"
    assert nodes.key_of(cst.parse_expression("a().b")) is None
    assert nodes.strip_await(cst.parse_expression("await (await x)")).value == "x"

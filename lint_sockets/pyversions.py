"""The oldest Python a project supports, from its packaging files when pyproject.toml says nothing.

``[project] requires-python`` is read by config.py. A project without it often says the same
thing elsewhere; in this order, the first that answers wins:

1. ``python_requires`` in ``setup.cfg`` (``[options]``, else pbr's ``[metadata]``
   ``python_requires`` or ``python-requires``, when the project builds with pbr:
   ``uses_pbr``);
2. ``python_requires=`` in the ``setup()`` call of ``setup.py``, read with ``ast`` (the file is
   parsed, never run: only a string literal counts; for ``setup(**config)``, also in the
   ``dict(...)`` calls and dict displays of the file, where such a mapping is built), or,
   for a ``setup.py`` Python 3 cannot parse (a Python 2 project's), from its tokens;
3. ``Requires-Python:`` in ``PKG-INFO`` (an unpacked source distribution), else in the
   ``METADATA`` of the one ``NAME.dist-info`` directory beside the code (an unpacked wheel
   or an installed distribution; a directory holding several, an environment's
   site-packages, says nothing about which file is whose, so none is read);
4. the ``Programming Language :: Python :: 2...`` classifiers of any of these files (in
   ``setup.cfg``, ``classifiers`` or, with pbr, pbr's ``classifier``; and of ``[project]
   classifiers``): a project that lists Python 2 supports its lowest listed 2.x, 2.7 when
   no minor version is listed;
5. else the ``Programming Language :: Python :: 3.N`` classifiers: the lowest N listed.

The files are those of the project root, untrusted like everything being linted: only regular
files are opened, at most ``_MAX_BYTES`` of each is read, and nothing that fails to read or
parse is an error (the target then falls back to the default).
"""

import ast
import configparser
import io
import operator
import os
import re
import stat
import sys
import tokenize

from lint_sockets.paths import holds_marker, nearest, read_regular

_MAX_BYTES = 1 << 20
_SPECIFIER = re.compile(r"(>=|==|~=|>)\s*(\d+)\.(\d+)")
_PY2_CLASSIFIER = re.compile(r"Programming Language\s*::\s*Python\s*::\s*2(?:\.(\d+))?\b")


def lower_bound(requires_python):
    """(major, minor) of the lowest version a ``requires-python`` admits, or None."""
    best = None
    for sign, major, minor in _SPECIFIER.findall(requires_python):
        version = (int(major), int(minor) + (1 if sign == ">" else 0))
        if best is None or version > best:
            best = version
    return best


def _read(path):
    """The text of a regular file (at most _MAX_BYTES), or None."""
    data = read_regular(path, _MAX_BYTES)
    return None if data is None else data.decode("utf-8", "replace")


def _setup_cfg(text, pbr=True):
    """(python_requires, classifiers text) from setup.cfg. The classifiers are
    ``[metadata] classifiers``, or ``classifier``, which setuptools takes as an alias of
    it (as it takes ``summary`` for ``description``; pbr reads both). The Python
    requirement is ``[options] python_requires``; pbr's own ``[metadata]``
    ``python_requires`` and ``python-requires`` count only with ``pbr``: setuptools does
    not read them, so without pbr they reach no metadata."""
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read_string(text)
    except (configparser.Error, ValueError):
        return None, ""
    requires = parser.get("options", "python_requires", fallback=None)
    for key in ("python_requires", "python-requires") if pbr else ():
        if requires is None:  # pbr's [metadata] spelling
            requires = parser.get("metadata", key, fallback=None)
    if pbr or not parser.has_option("metadata", "classifiers"):
        keys = ("classifiers", "classifier")
    else:
        keys = ("classifiers",)  # setuptools: the alias sets the same option
    classifiers = "\n".join(parser.get("metadata", key, fallback="") or "" for key in keys)
    return requires, classifiers


# ``setup(pbr=True)`` or ``setup_requires=["pbr"]`` in setup.py, ``build-backend =
# "pbr.build"`` in pyproject.toml: the project builds with pbr.
_PBR = re.compile(r"\bpbr\s*=\s*True\b|[\"']pbr(?:[<>=!~\s][^\"']*)?[\"']|[\"']pbr\.build[\"']")


def uses_pbr(root):
    """The project in ``root`` builds with pbr, whose ``setup.cfg`` keys differ from
    setuptools' (``[metadata] python_requires``): its setup.py calls ``setup(pbr=True)``
    or names pbr among its requirements, or its pyproject.toml's build backend is pbr's."""
    for name in ("setup.py", "pyproject.toml"):
        text = _read(os.path.join(root, name))
        if text is not None and _PBR.search(text):
            return True
    return False


def _setup_py(text):
    """(python_requires, classifiers text) from the literal arguments of ``setup(...)``; for
    a ``setup.py`` that Python 3 cannot parse (a Python 2 project's, with ``print``
    statements), from its tokens (``_setup_py_tokens``)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError):
        return _setup_py_tokens(text)
    except RecursionError:
        return None, ""
    requires = None
    classifiers = []
    try:
        nodes = list(ast.walk(tree))
    except RecursionError:
        return None, ""
    literals = _module_literals(tree)

    def take(arg, value):
        nonlocal requires
        if isinstance(value, ast.Name):
            value = literals.get(value.id, value)  # ``classifiers=CLASSIFIERS``
        if arg == "python_requires" and isinstance(value, ast.Constant) \
                and isinstance(value.value, str):
            requires = value.value
        elif arg == "classifiers" and isinstance(value, (ast.List, ast.Tuple)):
            classifiers.extend(e.value for e in value.elts
                               if isinstance(e, ast.Constant) and isinstance(e.value, str))

    unpacked = False  # ``setup(**config)``: its arguments are assembled out of the call
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name != "setup":
            continue
        for keyword in node.keywords:
            if keyword.arg is None:
                unpacked = True
            take(keyword.arg, keyword.value)
    if unpacked:
        # the mapping ``setup(**config)`` unpacks is built somewhere in the file: the
        # ``classifiers=`` and ``python_requires=`` of a ``dict(...)`` call, or those keys
        # of a dict display, are the metadata it passes
        for node in nodes:
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id == "dict":
                for keyword in node.keywords:
                    take(keyword.arg, keyword.value)
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        take(key.value, value)
    return requires, "\n".join(classifiers)


def _setup_py_tokens(text):
    """(python_requires, classifiers text) from the tokens of a ``setup.py`` that does not
    parse: a keyword argument ``python_requires=`` followed by a string, and
    ``classifiers=`` followed by a list or tuple of strings (or by a name that the module
    binds once, at the start of a line, to such a list: ``CLASSIFIERS = [...]``). Keyword
    arguments are those inside brackets; strings are read with ``ast.literal_eval``. The
    tokens are read up to the first the tokenizer rejects."""
    tokens = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type not in _SKIPPED_TOKENS:
                tokens.append(token)
    except (tokenize.TokenError, SyntaxError, ValueError):
        pass  # an unterminated string or bracket, or a dedent that matches nothing: stop
    requires, classifiers, names, lists = None, [], [], {}
    depth = 0
    for i, token in enumerate(tokens):
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth = max(0, depth - 1)
        if token.type != tokenize.NAME or i + 2 >= len(tokens) or \
                tokens[i + 1].string != "=":
            continue
        following = tokens[i + 2]
        if depth == 0:  # ``CLASSIFIERS = [...]`` at the start of a line
            at_start = i == 0 or tokens[i - 1].type in (tokenize.NEWLINE, tokenize.DEDENT,
                                                        tokenize.INDENT)
            if at_start and following.string in ("[", "("):
                found = _string_list(tokens, i + 2)
                lists[token.string] = None if token.string in lists else found
        elif token.string == "python_requires" and following.type == tokenize.STRING:
            value = _string(following.string)
            if value is not None:
                requires = value
        elif token.string == "classifiers":
            if following.string in ("[", "("):
                classifiers.extend(_string_list(tokens, i + 2) or ())
            elif following.type == tokenize.NAME:
                names.append(following.string)
    for name in names:
        classifiers.extend(lists.get(name) or ())
    return requires, "\n".join(classifiers)


_SKIPPED_TOKENS = frozenset({tokenize.NL, tokenize.COMMENT, tokenize.ENCODING})


def _string(literal):
    """The value of one string token, or None (a bytes literal, or one Python 3 rejects)."""
    try:
        value = ast.literal_eval(literal)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, str) else None


def _string_list(tokens, start):
    """The strings of the bracketed list or tuple whose opening token is ``tokens[start]``;
    None when the brackets hold anything but strings and commas (adjacent strings are
    joined)."""
    close = "]" if tokens[start].string == "[" else ")"
    found, pending = [], None
    for token in tokens[start + 1:]:
        if token.type == tokenize.STRING:
            value = _string(token.string)
            if value is None:
                return None
            pending = value if pending is None else pending + value
        elif token.type == tokenize.OP and token.string in (",", close):
            if pending is not None:
                found.append(pending)
                pending = None
            if token.string == close:
                return found
        else:
            return None
    return None


def _module_literals(tree):
    """Names the module binds once, at its top level, to a string, list or tuple literal
    (``CLASSIFIERS = [...]``, ``PYTHON_REQUIRES = ">=2.7"``): what ``setup(...)`` is
    handed by name."""
    bound = {}
    counts = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            if isinstance(target, ast.Name):
                counts[target.id] = counts.get(target.id, 0) + 1
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and (
                        isinstance(node.value, (ast.List, ast.Tuple)) or (
                            isinstance(node.value, ast.Constant) and
                            isinstance(node.value.value, str))):
                    bound[target.id] = node.value
    return {name: value for name, value in bound.items() if counts[name] == 1}


def _pkg_info(text):
    """(Requires-Python, classifiers text) from the header of PKG-INFO."""
    requires = None
    classifiers = []
    for line in text.splitlines():
        if not line:
            break  # the body (the description in newer versions) follows the header
        if line[0] in " \t":
            continue  # a continuation line: in Metadata-Version 1.x the description is a
            # header whose blank lines are written indented, before the classifiers
        key, _, value = line.partition(":")
        key = key.strip().lower()
        if key == "requires-python" and requires is None:
            requires = value.strip()
        elif key == "classifier":
            classifiers.append(value.strip())
    return requires, "\n".join(classifiers)


_PY3_CLASSIFIER = re.compile(r"Programming Language\s*::\s*Python\s*::\s*3\b")
_PY3_MINOR_CLASSIFIER = re.compile(r"Programming Language\s*::\s*Python\s*::\s*3\.(\d+)\b")
_BELOW_3 = re.compile(r"<\s*3(?:\.0)?(?![.\d])|<=\s*2\.|==\s*2\.")


def admits_python2_only(requires_python):
    """The ``requires-python`` specifiers admit Python 2 and no Python 3 (``>=2.6, <3``,
    ``==2.7.*``)."""
    lower = lower_bound(requires_python)
    return lower is not None and lower[0] == 2 and bool(_BELOW_3.search(requires_python))


def _python2(classifiers):
    minors = [int(m) if m else 7 for m in _PY2_CLASSIFIER.findall(classifiers)]
    return (2, min(minors)) if minors else None


_READERS = (("setup.cfg", _setup_cfg, "[options] python_requires"),
            ("setup.py", _setup_py, "setup(python_requires=...)"),
            ("PKG-INFO", _pkg_info, "Requires-Python"))

# At most this many entries of a directory are looked at for a ``.dist-info`` directory.
_MAX_ENTRIES = 10000


def wheel_metadata(directory):
    """The path of ``METADATA`` in the one ``NAME.dist-info`` directory (a real directory,
    not a link) in ``directory``, or None: there is none, or several (an environment's
    site-packages, where nothing says which files are whose)."""
    found = []
    try:
        with os.scandir(directory) as entries:
            for count, entry in enumerate(entries):
                if count >= _MAX_ENTRIES:
                    return None
                if entry.name.endswith(".dist-info") and entry.is_dir(follow_symlinks=False):
                    found.append(entry.path)
    except (OSError, ValueError):
        return None
    if len(found) != 1:
        return None
    path = os.path.join(found[0], "METADATA")
    return path if os.path.lexists(path) else None


def _packaging_files(root):
    """(path, reader, field) for each packaging file of ``root`` that may say which Python
    it supports, in the order they are asked."""
    files = [(os.path.join(root, name), reader, field) for name, reader, field in _READERS]
    metadata = wheel_metadata(root)
    if metadata is not None:
        files.append((metadata, _pkg_info, "Requires-Python"))
    return files


def packaging_target(root, pyproject_classifiers=()):
    """(major, minor) from setup.cfg / setup.py / PKG-INFO / classifiers in ``root``, or None."""
    found = packaging_target_and_origin(root, pyproject_classifiers)
    return found[0] if found else None


def _packaging_read(root):
    """(path, field, python_requires or None, classifiers text) of each packaging file of
    ``root``, in the order they are asked (a file that cannot be read gives (None, ""))."""
    found = []
    pbr = None
    for path, reader, field in _packaging_files(root):
        text = _read(path)
        if text is not None and reader is _setup_cfg:
            pbr = uses_pbr(root) if pbr is None else pbr
            found.append((path, field) + _setup_cfg(text, pbr))
            continue
        found.append((path, field) + (reader(text) if text is not None else (None, "")))
    return found


def _requires(found):
    """(path, field, python_requires) of the first packaging file whose python_requires
    has a lower bound, or None."""
    for path, field, requires, _ in found:
        if isinstance(requires, str) and lower_bound(requires) is not None:
            return path, field, requires
    return None


def _classifiers(found, pyproject_classifiers):
    """The classifiers of every packaging file and of ``[project] classifiers``, as text."""
    return "\n".join([c for _, _, _, c in found]
                     + [c for c in pyproject_classifiers if isinstance(c, str)])


def packaging_target_and_origin(root, pyproject_classifiers=()):
    """((major, minor), where it was read) from the packaging files in ``root``, or None."""
    found = _packaging_read(root)
    requires = _requires(found)
    if requires is not None:
        path, field, text = requires
        return lower_bound(text), f"{path}: {field}"
    classifiers = _classifiers(found, pyproject_classifiers)
    version = _python2(classifiers)
    if version is not None:
        return version, _classifier_sources(root, found, pyproject_classifiers, _python2) + \
            ": Programming Language :: Python :: 2 classifiers"
    minors = [int(m) for m in _PY3_MINOR_CLASSIFIER.findall(classifiers)]
    if not minors:
        return None
    return (3, min(minors)), _classifier_sources(
        root, found, pyproject_classifiers, _PY3_MINOR_CLASSIFIER.search) + \
        ": the oldest Programming Language :: Python :: 3.N classifier"


def _classifier_sources(root, found, pyproject_classifiers, says):
    """The files whose classifiers ``says`` something (a packaging file's, or
    ``[project] classifiers`` of pyproject.toml), for the origin of a target version."""
    sources = [path for path, _, _, text in found if says(text)]
    if any(isinstance(c, str) and says(c) for c in pyproject_classifiers):
        sources.append(os.path.join(root, "pyproject.toml"))
    return ", ".join(sources)


# ``Operating System ::`` classifiers (the trove list's) -> the families of systems of
# ``analysis.tables`` they name; "OS Independent", "POSIX", "Unix" and any classifier not
# listed here name more than one family. macOS and iOS keep the BSDs' errno numbering and
# their accept queue; Android is Linux's kernel.
_SYSTEM_CLASSIFIERS = (
    ("Operating System :: POSIX :: Linux", frozenset({"linux"})),
    ("Operating System :: Android", frozenset({"linux"})),
    ("Operating System :: Microsoft :: Windows", frozenset({"windows"})),
    ("Operating System :: MacOS", frozenset({"bsd"})),
    ("Operating System :: iOS", frozenset({"bsd"})),
    ("Operating System :: POSIX :: BSD", frozenset({"bsd"})),
    ("Operating System :: POSIX", frozenset({"linux", "bsd", "other"})),
    ("Operating System :: Unix", frozenset({"linux", "bsd", "other"})),
)
_EVERY_SYSTEM = frozenset({"windows", "linux", "bsd", "other"})
_SYSTEM_CLASSIFIER = re.compile(r"^\s*(Operating System ::[^\n]*?)\s*$", re.M)


def _systems(classifiers):
    """The families of systems the ``Operating System ::`` classifiers in the text name
    together, or None when there is none or one names every system (``OS Independent``,
    or a classifier not in ``_SYSTEM_CLASSIFIERS``, such as ``Microsoft :: MS-DOS``)."""
    found = set()
    for classifier in _SYSTEM_CLASSIFIER.findall(classifiers):
        for prefix, families in _SYSTEM_CLASSIFIERS:
            if classifier == prefix or classifier.startswith(prefix + " ::"):
                found |= families
                break
        else:
            return None
    return frozenset(found) if found and found != _EVERY_SYSTEM else None


def packaging_systems_and_origin(root, pyproject_classifiers=()):
    """(the families of operating systems the project declares, where it says so) from the
    ``Operating System ::`` classifiers of its packaging files and ``[project]
    classifiers``, or None when they name every system or there are none."""
    found = _packaging_read(root)
    systems = _systems(_classifiers(found, pyproject_classifiers))
    if systems is None:
        return None
    return systems, _classifier_sources(
        root, found, pyproject_classifiers, _SYSTEM_CLASSIFIER.search) + \
        ": Operating System classifiers"


def packaging_declares_python(root, pyproject_classifiers=()):
    """The packaging files in ``root`` (or the pyproject classifiers) say which Pythons the
    project supports: a ``python_requires`` / ``Requires-Python`` with a lower bound, or a
    ``Programming Language :: Python :: 2`` or ``:: 3`` classifier."""
    found = _packaging_read(root)
    if _requires(found) is not None:
        return True
    classifiers = _classifiers(found, pyproject_classifiers)
    return _python2(classifiers) is not None or bool(_PY3_CLASSIFIER.search(classifiers))


def packaging_python2_only(root, pyproject_classifiers=()):
    """The packaging files in ``root`` declare Python 2 and no Python 3: the
    ``python_requires`` that decides the target admits no 3.x, or, with none, the
    classifiers list a 2.x version and no 3.x one."""
    found = _packaging_read(root)
    requires = _requires(found)
    if requires is not None:
        return admits_python2_only(requires[2])
    classifiers = _classifiers(found, pyproject_classifiers)
    return _python2(classifiers) is not None and not _PY3_CLASSIFIER.search(classifiers)


def _use_2to3(node):
    """``node`` sets ``use_2to3`` to True: ``setup(use_2to3=True)``, ``{"use_2to3": True}``
    or ``extras["use_2to3"] = True``."""
    def true(value):
        return isinstance(value, ast.Constant) and value.value is True

    def named(key):
        return isinstance(key, ast.Constant) and key.value == "use_2to3"

    if isinstance(node, ast.Call):
        return any(k.arg == "use_2to3" and true(k.value) for k in node.keywords)
    if isinstance(node, ast.Dict):
        return any(named(k) and true(v) for k, v in zip(node.keys, node.values))
    if isinstance(node, ast.Assign) and true(node.value):
        return any(isinstance(t, ast.Subscript) and named(t.slice) for t in node.targets)
    return False


def converts_with_2to3(root):
    """The ``setup.py`` of ``root`` asks setuptools to run 2to3 on the code when it is
    installed on Python 3 (``use_2to3=True``, perhaps only under a version test): the files
    themselves are Python 2 source. Read with ``ast``, never run."""
    text = _read(os.path.join(root, "setup.py"))
    if text is None or "use_2to3" not in text:
        return False
    try:
        return any(_use_2to3(node) for node in ast.walk(ast.parse(text)))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False


def find_packaging_root(start):
    """The nearest directory at or above ``start`` holding setup.cfg, setup.py, PKG-INFO or
    one ``NAME.dist-info`` directory."""
    return nearest(start, is_packaging_root)


def is_packaging_root(directory, names=("setup.cfg", "setup.py", "PKG-INFO")):
    """``directory`` holds one of the packaging files ``names``, or one ``.dist-info``."""
    return holds_marker(directory, names) or wheel_metadata(directory) is not None


# --- a project that declares no Python version: its code says which ----------------------------

# Errors Python 3 gives for a statement of Python 2's grammar, by the message ...
_PYTHON2_MESSAGES = (
    "Missing parentheses in call to 'print'",
    "Missing parentheses in call to 'exec'",
    "multiple exception types must be parenthesized",  # except socket.error, e:
    "inconsistent use of tabs and spaces in indentation",  # Python 2 read a tab as 8 columns
    "leading zeros in decimal integer literals are not permitted",  # 0755
    "Function parameters cannot be parenthesized",  # def f(self, (x, y)):
    "Lambda expression parameters cannot be parenthesized",  # lambda (x, y): x
    # "C:\Users" or "\u00%s" in a plain string: a byte string on Python 2, where \U and \u
    # are no escapes
    "(unicode error) 'unicodeescape'",
    "cannot assign to True",  # True = 1: a name on Python 2
    "cannot assign to False",
)
# ... or by the shape of the line it points at (Python 3.9 says "invalid syntax" to most).
_PYTHON2_LINES = re.compile(
    r"""^\s*(?:print\b\s*(?:>>|[^\s(=.,;:)\]}])  # print "x", print >>f, "x"
         |exec\b\s*[^\s(=.,;:)]              # exec code in ns
         |except\b[^:#]*,\s*[A-Za-z_]\w*\s*:  # except E, e:
         |raise\s+(?:[\w.]+(?:\[[^\]]*\])*|'[^']*'|"[^"]*")\s*,  # raise E, "x"; raise "E", "x"
         |def\s+\w+\s*\([^)]*\(                 # def f(self, (x, y)): tuple parameters
       )
       |^\s*(?:if|elif|else|while|for|try|except|finally|with)\b[^#]*:\s*  # ... or after a
         (?:print\b\s*(?:>>|[^\s(=.,;:)\]}])  # one-line block's colon: if x: print "y",
         |raise\s+(?:[\w.]+(?:\[[^\]]*\])*|'[^']*'|"[^"]*")\s*,)  # if x: raise E, "x"
       |`|<>                                  # backquotes, the old "not equal"
       |(?<![\w.])(?:0\d+|\d+[lL]|0[xX][0-9a-fA-F]+[lL])\b(?!\.)  # 0755, 10L, 0xffL
       |(?<![\w.])(?:async|await)\s*=(?!=)     # async as a name: f(async=True), async = 1
       |\.(?:async|await)\b|\bdef\s+(?:async|await)\b  # x.async(y), def async(self):
       |\b[uU][rR]['"]                        # ur"raw unicode"
       |^\s*from\s+__builtin__\s+import\b[^#]*\b(?:True|False)\b  # PyDev's import of True
       |(?<![\w.])(?:True|False)\s*=(?!=)      # True = 1: a name on Python 2
    """, re.VERBOSE)


def python2_statement(message, line):
    """The syntax error ``message`` (``SyntaxError: ...``) at the text ``line`` is Python 2
    syntax that Python 3 rejects: a print or exec statement, ``except E, e:``, ``raise E,
    "x"`` (also as the one-line block of ``if x:``), backquotes, ``<>``, an old octal or
    long literal (``0xffL`` too), a ``ur""`` string, ``async`` or ``await`` used as a name
    (``f(async=True)``, ``x.async(y)``, ``self.async = None``), ``True`` or ``False`` used
    as a name (``from __builtin__ import True``, ``True = 1``), or tabs that Python 2 read
    as eight columns."""
    if any(known in message for known in _PYTHON2_MESSAGES):
        return True
    return bool(_PYTHON2_LINES.search(line.split("#", 1)[0] if "'" not in line and '"' not
                                      in line else line))


# Syntax that only Python 3 accepts, found in a file's code without parsing it: (text, the
# bytes that may come just before it), searched in the code with its strings and comments
# blanked (``_code_of``); an f-string is told by its prefix.
_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_ANY = frozenset(range(256))
_NOT_NAME = _ANY - _WORD - {ord(".")}
_PYTHON3_ONLY = ((b"nonlocal ", _NOT_NAME), (b"async def ", _NOT_NAME),
                 (b"yield from ", _NOT_NAME), (b") ->", None), (b")->", None))

# A comment, or a string literal with its prefix (a prefix is letters right before the
# quote, with no letter, digit or "_" before them), up to its closing quote (or the end of
# the line for a one-line string left open, the end of the file for a long one).
_LEXEME = re.compile(
    rb"#[^\r\n]*"
    rb"|(?:(?<![A-Za-z0-9_])(?P<prefix>[rRbBuUfF]{1,2}))?"
    rb"(?P<body>'''(?:[^\\]|\\.)*?(?:'''|\Z)|\"\"\"(?:[^\\]|\\.)*?(?:\"\"\"|\Z)"
    rb"|'(?:[^\\'\r\n]|\\.)*'?|\"(?:[^\\\"\r\n]|\\.)*\"?)",
    re.DOTALL)


def _code_of(data, comments=False):
    """(``data`` with each string literal replaced by an empty one and each comment
    removed (kept with ``comments``), the newlines inside long strings kept; whether a
    string literal has an ``f`` prefix). Never fails: Python 2 source is scanned the same
    way."""
    fstring = False

    def blank(match):
        nonlocal fstring
        body = match.group("body")
        if body is None:
            return match.group(0) if comments else b""
        prefix = match.group("prefix") or b""
        if b"f" in prefix or b"F" in prefix:
            fstring = True
        return prefix + b'""' + b"\n" * body.count(b"\n")

    code = _LEXEME.sub(blank, data)
    return code, fstring


# Code that runs only on Python 3, though Python 2 may parse it: a module of Python 3's
# standard library imported by its Python 3 name (``import queue``, ``from urllib.parse
# import ...``: Python 2 says ``Queue``, ``urlparse``), ``super()`` with no arguments, a
# ``raise ... from ...``, and a ``print()`` given ``end=``, ``sep=`` or ``file=`` in a module
# that does not import ``print_function`` from ``__future__``. An import in a ``try`` body or
# in an ``except`` clause (``try: from Queue import Queue`` / ``except ImportError: from
# queue import Queue``), or in a branch of a test of the Python version (``if
# sys.version_info[0] == 3: import http.client``), is code for both Pythons, and says nothing
# (``_compatibility_imports``).
_PYTHON3_IMPORT = re.compile(
    rb"^[ \t]*(?:import|from)[ \t]+(?:urllib\.(?:request|parse|error)|http\.(?:client|server"
    rb"|cookies|cookiejar)|socketserver|queue|configparser|tkinter|xmlrpc\.(?:client|server)"
    rb"|html\.parser|_thread|asyncio|builtins)\b", re.MULTILINE)
# The modules of Python 3's standard library (as ``_PYTHON3_IMPORT`` names them, by their
# first part) that a distribution of PyPI installs on Python 2 under the same name: the
# ``configparser`` backport, and ``future``'s top-level modules.
_BACKPORTS = {"configparser": frozenset({"configparser"}),
              "future": frozenset({"queue", "socketserver", "builtins", "_thread", "http",
                                   "html", "xmlrpc", "tkinter"})}
# A requirement naming one of them: a string ``"configparser>=3.5"`` in setup.py or
# pyproject.toml, a line ``configparser; python_version < "3"`` in setup.cfg or a
# requirements file.
_QUOTED_REQUIREMENT = re.compile(
    r"""["'](configparser|future)\s*(?:[<>=!~;\[][^"'\n]*)?["']""", re.IGNORECASE)
_LINE_REQUIREMENT = re.compile(r"^\s*(configparser|future)\s*(?:[<>=!~;\[].*)?$",
                               re.MULTILINE | re.IGNORECASE)
_REQUIREMENT_FILES = (("setup.py", _QUOTED_REQUIREMENT), ("pyproject.toml", _QUOTED_REQUIREMENT),
                      ("setup.cfg", _LINE_REQUIREMENT), ("requirements.txt", _LINE_REQUIREMENT))


def required_backports(root):
    """The modules of Python 3's standard library that the project at ``root`` requires a
    Python 2 backport of (``_BACKPORTS``: the ``configparser`` distribution, ``future``),
    as its setup.py, setup.cfg, pyproject.toml or requirements.txt names it: code that
    imports them by their Python 3 names may be Python 2 code. Remembered per root for the
    process (a run)."""
    known = _BACKPORTED.get(root)
    if known is None:
        known = _BACKPORTED[root] = _required_backports(root)
    return known


_BACKPORTED = {}


def _required_backports(root):
    found = set()
    for name, pattern in _REQUIREMENT_FILES:
        text = _read(os.path.join(root, name))
        if text is not None:
            for match in pattern.finditer(text):
                found |= _BACKPORTS[match.group(1).lower()]
    return frozenset(found)


def _imported_module(line):
    """The first part of the module an import line (``_PYTHON3_IMPORT``'s match) names."""
    words = line.split()
    return words[1].split(b".")[0].decode("ascii", "replace") if len(words) > 1 else ""


_PRINT_KEYWORD = re.compile(rb"\b(?:end|sep|file)[ \t]*=[^=]")
# the rest of a ``raise`` line: ``... from cause`` ends it (not " from " inside a message)
_RAISE_FROM = re.compile(rb"[)\w\]][ \t]+from[ \t]+[A-Za-z_][\w.]*[ \t]*\r?$")


def python3_code(data, backported=frozenset(), siblings=frozenset()):
    """``data`` holds syntax only Python 3 accepts (python3_syntax) or code that runs only
    on Python 3 (above), outside its strings and comments. ``backported``: modules of
    Python 3's standard library that the project's requirements install on Python 2
    (``required_backports``), whose import says nothing. ``siblings``: the modules beside
    the file (``sibling_modules``): on Python 2, ``from queue import Queue`` in a package
    holding ``queue.py`` is the implicit relative import of that module, and says nothing
    either."""
    code, fstring = _code_of(data)
    if fstring or _python3_syntax(code):
        return True
    imports = [code.rfind(b"\n", 0, match.start()) + 1
               for match in _PYTHON3_IMPORT.finditer(code)
               if _imported_module(match.group(0)) not in backported
               and _imported_module(match.group(0)) not in siblings]
    if imports and len(_compatibility_imports(code, imports, _version_names(code))) < \
            len(set(imports)):
        return True
    at = code.find(b"super()")
    while at >= 0:
        if at == 0 or code[at - 1] in _NOT_NAME:
            return True
        at = code.find(b"super()", at + 1)
    for text, check in ((b"raise ", _RAISE_FROM.search),
                        (b"print(", lambda rest: b"print_function" not in data
                         and _PRINT_KEYWORD.search(rest))):
        at = code.find(text)
        while at >= 0:
            if at == 0 or code[at - 1] in _NOT_NAME:
                end = code.find(b"\n", at)
                if check(code[at + len(text):end if end >= 0 else len(code)]):
                    return True
            at = code.find(text, at + 1)
    return False


_BLOCK_HEADER = re.compile(rb"[ \t]*(?:try|except)\b")
# ``if sys.version_info[0] == 3:``, ``elif sys.version_info < (3,):``, ``if PY3:``, ``if
# six.PY2:``: a test of the running Python's version
_VERSION_TEST = re.compile(rb"[ \t]*(?:el)?if\b.*(?:\bversion_info\b|\bsys\.version\b"
                           rb"|\bPY[23]\b)")
_ELSE = re.compile(rb"[ \t]*(?:else|elif)\b")
_IF = re.compile(rb"[ \t]*(?:el)?if\b")
_WORD = re.compile(rb"[A-Za-z_]\w*")
# ``NAME = value`` at a module's top level
_TOP_ASSIGNMENT = re.compile(rb"^([A-Za-z_]\w*)[ \t]*=(?!=)(.*)$", re.MULTILINE)
_VERSION_VALUE = re.compile(rb"\bversion_info\b|\bsys\.version\b|\bPY[23]\b")


def _version_names(code):
    """The names that ``code`` (strings blanked) assigns, at its top level, from the running
    Python's version: a value that mentions ``version_info``, ``sys.version``, ``PY2`` or
    ``PY3``, or another such name (``cur_version = sys.version_info``, then ``isp3 =
    cur_version >= req_version``). ``if isp3:`` tests the version as ``if PY3:`` does."""
    assignments = [(match.group(1), match.group(2)) for match in _TOP_ASSIGNMENT.finditer(code)]
    names = set()
    pattern = _VERSION_VALUE
    for _ in range(4):
        found = {name for name, value in assignments if pattern.search(value)}
        if found <= names:
            break
        names |= found
        pattern = re.compile(_VERSION_VALUE.pattern + b"|" + b"|".join(
            rb"\b" + re.escape(name) + rb"\b" for name in sorted(names)))
    return frozenset(names)


def _compatibility_imports(code, starts, names=frozenset()):
    """Of the import lines starting at the offsets ``starts`` (in ``code``, strings
    blanked), those in a ``try`` body or an ``except`` clause, or in a branch of a test of
    the Python version: the nearest line above that is indented less, and is not blank or a
    comment, opens a ``try:`` or an ``except ...:`` clause, an ``if`` or ``elif`` that
    tests the version (``if sys.version_info[0] == 3:``, ``if PY3:``, or a test of one of
    ``names``, ``_version_names``), or an ``else:`` or ``elif`` of such a test. Code that
    tries one name and falls back to the other, or picks one by the version, runs on both
    Pythons. One pass over the lines, keeping the open blocks' headers on a stack."""
    found = set()
    stack = []  # (indent, holds compatibility code, tests the version)
    wanted = set(starts)
    at = 0
    size = len(code)
    while at < size and wanted:
        end = code.find(b"\n", at)
        end = size if end < 0 else end
        line = code[at:end]
        stripped = line.lstrip(b" \t")
        if stripped and not stripped.startswith(b"#"):
            indent = len(line) - len(stripped)
            sibling = None  # the statement before this one in the same block
            while stack and stack[-1][0] >= indent:
                popped = stack.pop()
                if popped[0] == indent:
                    sibling = popped
            if at in wanted:
                wanted.discard(at)
                if stack and stack[-1][1]:
                    found.add(at)
            version = _VERSION_TEST.match(line) is not None or (
                names and _IF.match(line) is not None and
                bool(set(_WORD.findall(line)) & names))
            branch = _ELSE.match(line) is not None and sibling is not None and sibling[2]
            stack.append((indent, _BLOCK_HEADER.match(line) is not None or version or branch,
                          version or branch))
        at = end + 1
    return found


# A template's placeholder or tag, outside strings: Jinja and cookiecutter ``{{ x }}``,
# ``{% if %}``, ``{# note #}``; Mako ``${x}``, ``% for`` control lines and ``<%tag>``; a
# %-format mapping key, ``%(setup)s`` (a file a build step fills in with ``text % values``);
# a slot for a person to fill in where a value belongs, ``"proxy_addr": <proxy_addr>``,
# ``HOST = <your host>`` (after ``=``, ``(``, ``[``, ``,`` or ``:``, where no ``<`` of
# Python can stand).
_TEMPLATE = re.compile(
    rb"[=(\[,:][ \t]*<[A-Za-z_][\w .\-]*>"
    rb"|\{\{|\{%|\{#|\$\{"
    rb"|%\([A-Za-z_][\w.]*\)[-#0 +]*\d*(?:\.\d+)?[sdirfFgGxXeEco](?![\w(\[.])"
    rb"|^[ \t]*(?:%[ \t]*(?:for|if|elif|else|endfor|endif|while|endwhile|try|except|endtry"
    rb"|def|enddef)\b|<%)")


def template_line(line):
    """The line (bytes) holds a template placeholder or tag outside its strings (``{{
    name }}``, ``{% if x %}``, ``{# note #}``, ``${name}``, a Mako ``% for`` line,
    ``<%tag>``, a %-format mapping key such as ``%(setup)s``, or a fill-in slot such as
    ``= <proxy_addr>``). Python has none of these:
    ``{%``, ``{#`` (a brace, then a comment), ``$`` and a line that starts with ``%`` or
    ``<%`` are syntax errors, ``{{`` would be a set holding a set or dict, which fails when
    it runs, ``%(name)s`` is a modulo followed by two atoms side by side, and a ``<`` right
    after ``=``, ``(``, ``[``, ``,`` or ``:`` has no left operand."""
    code, _ = _code_of(line, comments=True)
    return _TEMPLATE.search(code) is not None


def python3_syntax(data):
    """``data`` (a module's bytes) holds syntax only Python 3 accepts, outside its strings
    and comments: an f-string, a return annotation (``) -> T:`` ending its line), ``async
    def``, ``nonlocal`` or ``yield from``."""
    code, fstring = _code_of(data)
    return fstring or _python3_syntax(code)


def _python3_syntax(code):
    for text, after in _PYTHON3_ONLY:
        at = code.find(text)
        while at >= 0:
            if after is None:  # a return annotation: the line ends the ``def`` with ":"
                end = code.find(b"\n", at)
                rest = code[at:end if end >= 0 else len(code)].rstrip()
                if rest.endswith(b":"):
                    return True
            elif at == 0 or code[at - 1] in after:
                return True
            at = code.find(text, at + 1)
    return False


# At most this many of a project's modules are read for Python 3 syntax; a bigger project
# with none in them is not judged to be Python 2 source (its findings stay).
MAX_SCANNED = 2000
_PYTHON3_PROJECTS = {}


def python3_project(root):
    """Some module of the project at ``root`` (not one of vendored third-party code:
    ``_VENDORED_DIRECTORIES``) holds syntax only Python 3 accepts or code that runs only
    on Python 3 (``python3_code``); also True when the project has more than MAX_SCANNED
    modules. Files are read as the runner reads them (regular files
    inside the root, never through a link); one that cannot be read, or is bigger than
    ``_MAX_BYTES``, is skipped. Remembered per root for the process (a run)."""
    known = _PYTHON3_PROJECTS.get(root)
    if known is None:
        known = _PYTHON3_PROJECTS[root] = _scan_python3(root)
    return known


def _scan_python3(root):
    from lint_sockets.project import candidates
    from lint_sockets.runner import read_source

    found = candidates(root)
    if len(found) > MAX_SCANNED:
        return True
    backported = required_backports(root)
    for entry, _ in found:
        if _python3_twin(entry.path, root) or _vendored(entry.path, root):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or \
                    entry.stat(follow_symlinks=False).st_size > _MAX_BYTES:
                continue  # no link is followed; a huge file is no module (project.py)
            data = read_source(entry.path)
        except OSError:
            continue
        if python3_code(data, backported, sibling_modules(entry.path)):
            return True
    return False


# Directories that hold third-party code a project ships inside its own tree (pip's
# ``_vendor``, ``vendor/tqdm``, ``third_party/``): that code says which Pythons its own
# authors wrote for, not which the project's code is written for.
_VENDORED_DIRECTORIES = frozenset({"vendor", "_vendor", "vendored", "_vendored",
                                   "third_party", "_third_party", "thirdparty"})


def _vendored(path, root):
    """``path`` is inside a directory of vendored third-party code under ``root``."""
    relative = os.path.relpath(path, root).replace(os.sep, "/").split("/")[:-1]
    return any(part.lower() in _VENDORED_DIRECTORIES for part in relative)


def sibling_modules(path):
    """The names of the modules and packages in the directory of ``path`` (a file), when
    that directory is a package (it holds ``__init__.py``); empty otherwise. Nothing is
    read, no link followed; a directory that cannot be listed has none."""
    directory = os.path.dirname(path)
    try:
        with os.scandir(directory) as entries:
            found = {entry.name: entry.is_dir(follow_symlinks=False) for entry in entries}
    except OSError:
        return frozenset()
    if "__init__.py" not in found:
        return frozenset()
    modules = set()
    for name, is_dir in found.items():
        if name.endswith(".py") and name != "__init__.py":
            modules.add(name[:-3])
        elif is_dir and "." not in name:
            try:
                if stat.S_ISREG(os.lstat(os.path.join(directory, name, "__init__.py")).st_mode):
                    modules.add(name)
            except OSError:
                pass
    return frozenset(modules)


_PY3_PART = re.compile(r"(?i)(py(?:thon)?)(3)")


def _python3_twin(path, root):
    """``path`` is the Python 3 one of a pair of version twins: a part of its path below
    ``root`` says ``py3`` or ``python3`` (a directory ``py3/``, a module ``compat_py3.py``)
    and the same path with ``2`` there exists (``py2/``, ``compat_py2.py``). A version test
    picks one of the pair at run time, so the Python 3 twin says nothing about the Python of
    the rest of the project."""
    return _version_twin(path, root, _PY3_PART, "2")


def _version_twin(path, root, part_pattern, other):
    """A part of ``path`` below ``root`` matches ``part_pattern`` (``py3``, ``python2``)
    and the same path with the version ``other`` there exists."""
    rel = os.path.relpath(path, root)
    if rel.startswith(os.pardir):
        return False
    parts = rel.split(os.sep)
    for index, part in enumerate(parts):
        if part_pattern.search(part) is None:
            continue
        twin = part_pattern.sub(lambda m: m.group(1) + other, part)
        if os.path.lexists(os.path.join(root, *parts[:index], twin)):
            return True
    return False


_PY2_PART = re.compile(r"(?i)(py(?:thon)?)(2)")

# A name that says the running Python is 3 (``PY3``, ``six.PY3``, ``IS_PY3K``, ``PYTHON3``)
# or 2 (``PY2``, ``IS_PY2``).
_PY3_FLAG = re.compile(r"^(?:IS_)?PY(?:THON)?_?3K?$", re.IGNORECASE)
_PY2_FLAG = re.compile(r"^(?:IS_)?PY(?:THON)?_?2K?$", re.IGNORECASE)
# What an ``except`` clause that falls back from a failed import catches.
_IMPORT_FAILURES = frozenset({"ImportError", "ModuleNotFoundError", "Exception",
                              "BaseException"})


def python2_fallback(path, root):
    """``path`` (a module of the project at ``root``) is imported by
    the project only as a Python 2 fallback: some module of the project that Python 3 can
    compile imports it, and every such import sits in an ``except`` clause that catches a
    failed import (``ImportError``, ``ModuleNotFoundError``, ``Exception``, or everything)
    or in the branch of a test of the Python version that Python 3 never takes (``if
    PY2:``, ``if sys.version_info[0] == 2:``, the ``else:`` of ``if PY3:`` or ``if
    sys.version_info >= (3,):``; ``_on_python3``). Python 3 takes the other path and never
    imports it. An
    import is matched by the module's name (``import pkg.name``, ``from pkg import name``,
    ``from .name import x``), so another module of the same name only adds imports that
    must be fallbacks too."""
    stem = os.path.splitext(os.path.basename(path))[0]
    if not stem.isidentifier() or stem == "__init__":
        return False
    key = (root, stem)
    imports = _PROJECT_IMPORTS.get(key)
    if imports is None:
        imports = _PROJECT_IMPORTS[key] = _scan_imports(root, stem)
    return bool(imports) and all(imports)


_PROJECT_IMPORTS = {}


def _scan_imports(root, stem):
    """For each import of a module named ``stem`` (as ``python2_fallback`` matches them)
    in the modules of the project at ``root`` that Python 3 compiles: whether it is a
    Python 2 fallback. Only files that hold the name are parsed; a project of more than
    MAX_SCANNED modules gives nothing. Files are read as the runner reads them (regular
    files inside the root, never through a link, none bigger than ``_MAX_BYTES``)."""
    from lint_sockets.project import candidates
    from lint_sockets.runner import read_source

    found = candidates(root)
    imports = []
    if len(found) > MAX_SCANNED:
        return imports
    name = stem.encode("utf-8")
    for entry, _ in found:
        try:
            if not entry.is_file(follow_symlinks=False) or \
                    entry.stat(follow_symlinks=False).st_size > _MAX_BYTES:
                continue
            data = read_source(entry.path)
        except OSError:
            continue
        if name not in data or b"import" not in data:
            continue
        try:
            tree = ast.parse(data)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        imports.extend(fallback for imported, fallback in _imports_of(tree)
                       if imported == stem)
    return imports


def _imports_of(tree):
    """(last name of a module an import may name, whether the import is a Python 2
    fallback) for every import of ``tree``."""
    stack = [(tree, False)]
    while stack:
        node, fallback = stack.pop()
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.rpartition(".")[2], fallback
        elif isinstance(node, ast.ImportFrom):
            if node.module:
                yield node.module.rpartition(".")[2], fallback
            for alias in node.names:
                if alias.name != "*":
                    yield alias.name, fallback
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            for child in node.body + node.orelse + node.finalbody:
                stack.append((child, fallback))
            for handler in node.handlers:
                stack.append((handler, fallback or _catches_import_failure(handler.type)))
        elif isinstance(node, ast.If):
            python3 = _on_python3(node.test)  # a branch Python 3 never takes
            stack.append((node.test, fallback))
            stack.extend((child, fallback or python3 is False) for child in node.body)
            stack.extend((child, fallback or python3 is True) for child in node.orelse)
        else:
            stack.extend((child, fallback) for child in ast.iter_child_nodes(node))


def _catches_import_failure(caught):
    if caught is None:
        return True
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return any((isinstance(n, ast.Name) and n.id in _IMPORT_FAILURES) or
               (isinstance(n, ast.Attribute) and n.attr in _IMPORT_FAILURES) for n in names)


def _on_python3(test):
    """The value of an ``if`` test on Python 3 (True / False), None when it is no test of
    the Python version: a flag named for one (``PY3``, ``six.PY2``, ``IS_PY3K``; the
    imported flags of compatibility modules, read by their names), ``sys.version_info``
    compared with literals as ``versions.on_python3`` decides it, or ``not`` of either."""
    from lint_sockets.analysis.versions import version_compared_on_python3

    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _on_python3(test.operand)
        return None if inner is None else not inner
    if isinstance(test, (ast.Name, ast.Attribute)):
        name = test.id if isinstance(test, ast.Name) else test.attr
        return True if _PY3_FLAG.match(name) else False if _PY2_FLAG.match(name) else None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left, right = test.left, test.comparators[0]
    compare = _AST_COMPARISONS.get(type(test.ops[0]))
    if compare is None:
        return None
    if isinstance(left, ast.Subscript) and _is_version_info(left.value) and \
            isinstance(left.slice, ast.Constant) and left.slice.value == 0 or \
            isinstance(left, ast.Attribute) and left.attr == "major" and \
            _is_version_info(left.value):
        return version_compared_on_python3("major", compare, [_int(right)])
    if _is_version_info(left) and isinstance(right, ast.Tuple):
        return version_compared_on_python3("tuple", compare, [_int(e) for e in right.elts])
    return None


_AST_COMPARISONS = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
                    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge}


def _int(node):
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int else None


def _is_version_info(node):
    return (isinstance(node, ast.Attribute) and node.attr == "version_info") or \
        (isinstance(node, ast.Name) and node.id == "version_info")


def python2_twin(path, root):
    """``path`` is the Python 2 one of a pair of version twins: a part of its path below
    ``root`` says ``py2`` or ``python2`` (a directory ``python2/``, a module
    ``compat_py2.py``) and the same path with ``3`` there exists (``python3/``,
    ``compat_py3.py``). A version test picks one of the pair at run time, and Python 3
    never imports this one."""
    return _version_twin(path, root, _PY2_PART, "3")


def newer_syntax(source, line):
    """``((major, minor), what)``: the construct of a Python newer than the one lint-sockets
    runs on that spans ``line`` of ``source`` (a module's bytes or text), when libcst, whose
    grammar reaches Python 3.14, parses the module: ``match`` (3.10), ``except*`` (3.11),
    type parameters and ``type`` aliases (3.12), an f-string that reuses its quote or holds
    a backslash inside a replacement field, or a line break in one of a one-quote string
    (3.12), ``except A, B:`` with no parentheses
    (3.14; not Python 2's ``except E, e:``, whose last name the module never binds), a
    t-string (3.14). None when there is no such construct there or libcst rejects it too."""
    import libcst

    from lint_sockets.source import deep, large_stack

    try:
        # libcst's native parser recurses on the C stack: never on the main thread's
        module = large_stack(libcst.parse_module, source)
        wrapper = libcst.MetadataWrapper(module, unsafe_skip_copy=True)
        finder = _newer_syntax_finder(line)
        deep(wrapper.visit, finder, retry_on=Exception)
    except Exception:  # noqa: BLE001 - libcst rejects it as well: not a newer grammar
        return None
    running = sys.version_info[:2]
    if finder.found is None or finder.found[0] <= running:
        return None
    return finder.found


def _newer_syntax_visitor():
    import builtins

    import libcst
    from libcst.metadata import PositionProvider

    class NewerSyntax(libcst.CSTVisitor):
        METADATA_DEPENDENCIES = (PositionProvider,)

        def __init__(self, line):
            super().__init__()
            self.line = line
            self.found = None
            self.bound = set(dir(builtins))
            self.handlers = []

        def _at(self, node, version, what):
            where = self.get_metadata(PositionProvider, node)
            if where.start.line <= self.line <= where.end.line and \
                    (self.found is None or version > self.found[0]):
                self.found = (version, what)

        def visit_Match(self, node):
            self._at(node, (3, 10), "a match statement")

        def visit_TryStar(self, node):
            self._at(node, (3, 11), "except*")

        def visit_TypeAlias(self, node):
            self._at(node, (3, 12), "a type alias statement")

        def visit_TypeParameters(self, node):
            self._at(node, (3, 12), "type parameters")

        def visit_TemplatedString(self, node):
            self._at(node, (3, 14), "a t-string")

        def visit_FormattedString(self, node):
            quote = node.end
            for part in node.parts:
                if isinstance(part, libcst.FormattedStringExpression):
                    code = libcst.Module([]).code_for_node(part.expression)
                    # a line break in a field of a one-quote string: 3.12 too
                    broken = len(quote) == 1 and "\n" in libcst.Module([]).code_for_node(part)
                    if quote in code or "\\" in code or broken:
                        self._at(node, (3, 12), "an f-string that reuses its quote or holds "
                                                "a backslash or a line break in a "
                                                "replacement field")

        def visit_ExceptHandler(self, node):
            if isinstance(node.type, libcst.Tuple) and not node.type.lpar and \
                    node.name is None:
                self.handlers.append(node)

        def visit_Import(self, node):
            for alias in node.names:
                self.bound.add((alias.evaluated_alias or alias.evaluated_name).split(".")[0])

        def visit_ImportFrom(self, node):
            if isinstance(node.names, libcst.ImportStar):
                self.bound = None  # any name may be a class
                return
            for alias in node.names:
                if self.bound is not None:
                    self.bound.add(alias.evaluated_alias or alias.evaluated_name)

        def visit_ClassDef(self, node):
            if self.bound is not None:
                self.bound.add(node.name.value)

        def visit_AssignTarget(self, node):
            if self.bound is not None and isinstance(node.target, libcst.Name):
                self.bound.add(node.target.value)

        def leave_Module(self, original_node):
            for handler in self.handlers:
                last = handler.type.elements[-1].value
                # Python 2's ``except E, e:`` binds its last name; Python 3.14's form names
                # exception classes, which the module must import, define or have built in
                if isinstance(last, libcst.Name) and self.bound is not None and \
                        last.value not in self.bound:
                    continue
                self._at(handler, (3, 14), "except A, B: without parentheses")

    return NewerSyntax


_FINDER = []  # the visitor class, made on first use: libcst is imported only then


def _newer_syntax_finder(line):
    if not _FINDER:
        _FINDER.append(_newer_syntax_visitor())
    return _FINDER[0](line)

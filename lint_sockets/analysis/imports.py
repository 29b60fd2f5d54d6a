"""What a name refers to through the module's imports: ``ImportTable``."""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis.nodes import key_of


class ImportTable:
    """Names bound by imports anywhere in the module, and the modules star-imported."""

    STAR_MEMBERS = {
        "socket": lambda n: n in {"socket", "create_connection", "create_server", "socketpair",
                                  "fromfd", "error", "timeout", "SocketType", "setdefaulttimeout",
                                  "gaierror", "herror"} or n.isupper(),
        # the async libraries' socket modules: their own constructors, the standard constants
        "curio.socket": lambda n: n in {"socket", "socketpair", "create_connection"},
        "trio.socket": lambda n: n in {"socket", "socketpair"},
        "errno": lambda n: n.startswith("E") and n.isupper(),
        "signal": lambda n: n in {"signal"} or n.startswith("SIG"),
        "ssl": lambda n: n.startswith("SSL") or n in {"wrap_socket", "CERT_NONE"},
        "select": lambda n: n in {"select", "poll", "epoll", "kqueue", "error"},
        "time": lambda n: n == "sleep",
        "contextlib": lambda n: n == "suppress",
        "socketserver": lambda n: n.endswith(("Handler", "Server", "MixIn")),
        "selectors": lambda n: n.endswith("Selector"),
        "os": lambda n: n in {"read", "write"},
        "struct": lambda n: n in {"pack", "unpack", "calcsize", "pack_into", "unpack_from",
                                  "Struct", "error"},
    }

    def __init__(self):
        self.aliases = {}
        self.star = []
        self._module_names = set()  # names a module-level import binds
        self._local_targets = {}  # name -> what function-local imports bind it to

    def add_import(self, node, local=False):
        """``import a.b`` / ``import a.b as c``. ``local``: the import is inside a function,
        where it binds the name for that function only (see ``_bind``)."""
        for alias in node.names:
            dotted = key_of(alias.name)
            if dotted is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self._bind(alias.asname.name.value, dotted, local)
            else:
                top = dotted.split(".")[0]
                if local:
                    self._bind(top, top, True)
                else:
                    self._module_names.add(top)
                    self.aliases.setdefault(top, top)

    def add_import_from(self, node, local=False):
        if node.relative:
            return
        module = key_of(node.module) if node.module is not None else None
        if module is None:
            return
        if isinstance(node.names, cst.ImportStar):
            self.star.append(module)
            return
        for alias in node.names:
            name = key_of(alias.name)
            if name is None:
                continue
            bound = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            self._bind(bound, module + "." + name, local)

    def _bind(self, bound, target, local):
        """One table serves the whole module. A module-level import binds the name
        everywhere. A function-local one binds it for its function only, so it never
        overrides a module-level import of the name, and when function-local imports of
        different functions bind the name to different things (``import socket`` in one,
        ``from socket import socket`` in another), the name is left unresolved rather than
        read one function's way in all of them."""
        if not local:
            self._module_names.add(bound)
            self.aliases[bound] = target
            return
        if bound in self._module_names:
            return
        targets = self._local_targets.setdefault(bound, set())
        targets.add(target)
        if len(targets) == 1:
            self.aliases[bound] = target
        else:
            self.aliases.pop(bound, None)

    def qualify(self, node):
        """Qualified name of a name/attribute chain through the imports; None if not one."""
        key = key_of(node)
        if key is None:
            return None
        return self.qualify_key(key)

    def qualify_key(self, key):
        head, _, rest = key.partition(".")
        target = self.aliases.get(head)
        if target is None and head not in self._module_names and \
                len(self._local_targets.get(head, ())) > 1 and \
                head not in self._local_targets[head]:
            # ``from i2p.socket import sam as socket`` in one branch and ``... i2cp as
            # socket`` in another: whichever it is, ``socket`` is not the module ``socket``
            return None
        if target is None:
            for module in self.star:
                test = self.STAR_MEMBERS.get(module)
                if test is not None and test(head):
                    target = module + "." + head
                    break
        if target is None:
            return key
        return target + "." + rest if rest else target


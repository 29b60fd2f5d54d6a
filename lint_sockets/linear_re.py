"""Regular expressions matched in time linear in the text, for patterns from configuration.

``socket-names`` comes from a repository's ``pyproject.toml`` or flake8 configuration, which
may be a stranger's. Python's ``re`` backtracks: a pattern such as ``(a|a)*b`` takes time
exponential in the length of the name it is tried on. Here the pattern is parsed by Python's
own parser (same syntax, same flags) and run as a Thompson automaton: every position of the
text is visited once, with at most one thread per instruction, so a search costs
O(len(text) x len(program)) whatever the pattern. What cannot run that way (backreferences,
lookahead and lookbehind, conditionals, atomic groups and possessive repeats) is refused with
a clear error.
"""

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as P
except ImportError:  # Python 3.9, 3.10
    import sre_constants as C
    import sre_parse as P

MAX_PROGRAM = 20000  # instructions: bounds the cost of {m,n} repeats


class PatternError(ValueError):
    pass


def invalid_message(error):
    """The one-line message for a pattern that LinearPattern refuses (a PatternError)."""
    detail = str(error)
    if len(detail) > 200:
        detail = detail[:200] + "..."
    return f"invalid regular expression: {detail}"


_UNSUPPORTED = {
    "GROUPREF": "backreferences", "GROUPREF_EXISTS": "conditional groups",
    "ASSERT": "lookahead or lookbehind", "ASSERT_NOT": "lookahead or lookbehind",
    "ATOMIC_GROUP": "atomic groups", "POSSESSIVE_REPEAT": "possessive repeats",
    "GROUPREF_IGNORE": "backreferences", "GROUPREF_LOC_IGNORE": "backreferences",
    "GROUPREF_UNI_IGNORE": "backreferences",
}


def _name(constant):
    return getattr(constant, "name", None) or str(constant)


def _word(char, ascii_only):
    if ascii_only:
        return char.isascii() and (char.isalnum() or char == "_")
    return char.isalnum() or char == "_"


def _category(name, char, ascii_only):
    if name.endswith("DIGIT"):
        ok = char.isdecimal() and (not ascii_only or char.isascii())
    elif name.endswith("SPACE"):
        ok = char.isspace() and (not ascii_only or char.isascii())
    elif name.endswith("WORD"):
        ok = _word(char, ascii_only)
    elif name.endswith("LINEBREAK"):
        ok = char == "\n"
    else:
        raise PatternError(f"unsupported character category {name}")
    return not ok if "_NOT_" in name else ok


class LinearPattern:
    """A compiled pattern with ``search(text)``: a true value if it matches anywhere."""

    def __init__(self, pattern):
        self.pattern = pattern
        try:
            parsed = P.parse(pattern, 0)
        except (C.error, OverflowError, RecursionError) as error:
            raise PatternError(str(error)) from None
        flags = parsed.state.flags
        self.program = []
        self._compile(parsed, flags)
        self.program.append(("match",))
        self._cache = {}

    # -- compiling -------------------------------------------------------------------------

    def _emit(self, instruction):
        if len(self.program) >= MAX_PROGRAM:
            raise PatternError("the pattern is too large (repeat counts too high)")
        self.program.append(instruction)
        return len(self.program) - 1

    def _compile(self, items, flags):
        for op, value in items:
            self._item(_name(op), value, flags)

    def _char(self, test, flags, negate=False):
        """One character that passes ``test`` (in any case with IGNORECASE), or that does
        not with ``negate``."""
        if flags & C.SRE_FLAG_IGNORECASE:
            def positive(c, t=test):
                return t(c) or t(c.lower()) or t(c.upper()) or t(c.swapcase())
        else:
            positive = test
        if negate:
            self._emit(("char", lambda c, t=positive: not t(c)))
        else:
            self._emit(("char", positive))

    def _item(self, op, value, flags):
        ascii_only = bool(flags & C.SRE_FLAG_ASCII)
        if op in _UNSUPPORTED:
            raise PatternError(f"{_UNSUPPORTED[op]} are not supported (matching must take "
                               f"time linear in the name)")
        if op == "LITERAL":
            self._char(lambda c, v=chr(value): c == v, flags)
        elif op == "NOT_LITERAL":
            self._char(lambda c, v=chr(value): c == v, flags, negate=True)
        elif op == "ANY":
            if flags & C.SRE_FLAG_DOTALL:
                self._emit(("char", lambda c: True))
            else:
                self._emit(("char", lambda c: c != "\n"))
        elif op == "IN":
            test, negate = self._class(value, ascii_only)
            self._char(test, flags, negate)
        elif op == "SUBPATTERN":
            add, remove, sub = value[1], value[2], value[3]
            self._compile(sub, (flags | add) & ~remove)
        elif op == "BRANCH":
            jumps = []
            alternatives = value[1]
            for index, alternative in enumerate(alternatives):
                if index < len(alternatives) - 1:
                    split = self._emit(None)
                    self._compile(alternative, flags)
                    jumps.append(self._emit(None))
                    self.program[split] = ("split", split + 1, len(self.program))
                else:
                    self._compile(alternative, flags)
            for jump in jumps:
                self.program[jump] = ("jmp", len(self.program))
        elif op in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, sub = value
            for _ in range(low):
                self._compile(sub, flags)
            if high == C.MAXREPEAT:
                split = self._emit(None)
                self._compile(sub, flags)
                self._emit(("jmp", split))
                self.program[split] = ("split", split + 1, len(self.program))
            else:
                splits = []
                for _ in range(high - low):
                    splits.append(self._emit(None))
                    self._compile(sub, flags)
                for split in splits:
                    self.program[split] = ("split", split + 1, len(self.program))
        elif op == "AT":
            self._emit(("at", _name(value), bool(flags & C.SRE_FLAG_MULTILINE), ascii_only))
        else:
            raise PatternError(f"unsupported regular expression element {op}")

    @staticmethod
    def _class(items, ascii_only):
        negate = False
        tests = []
        for op, value in items:
            op = _name(op)
            if op == "NEGATE":
                negate = True
            elif op == "LITERAL":
                tests.append(lambda c, v=chr(value): c == v)
            elif op == "RANGE":
                tests.append(lambda c, lo=value[0], hi=value[1]: lo <= ord(c) <= hi)
            elif op == "CATEGORY":
                tests.append(lambda c, n=_name(value): _category(n, c, ascii_only))
            else:
                raise PatternError(f"unsupported character class element {op}")
        return (lambda c: any(t(c) for t in tests)), negate

    # -- matching --------------------------------------------------------------------------

    def search(self, text):
        known = self._cache.get(text)
        if known is None:
            known = self._search(text)
            if len(self._cache) < 100000:
                self._cache[text] = known
        return True if known else None

    def _at(self, kind, multiline, ascii_only, text, i):
        n = len(text)
        if kind.endswith("BEGINNING_STRING"):
            return i == 0
        if kind.endswith("BEGINNING") or kind.endswith("BEGINNING_LINE"):
            return i == 0 or (multiline and text[i - 1] == "\n")
        if kind.endswith("END_STRING"):
            return i == n
        if kind.endswith("END") or kind.endswith("END_LINE"):
            if multiline:
                return i == n or text[i] == "\n"
            return i == n or (i == n - 1 and text[i] == "\n")
        if "BOUNDARY" in kind:
            if not text:
                return False  # as Python's re: neither \b nor \B matches an empty text
            before = i > 0 and _word(text[i - 1], ascii_only)
            after = i < n and _word(text[i], ascii_only)
            return (before != after) != ("NON_BOUNDARY" in kind)
        raise PatternError(f"unsupported position {kind}")

    def _search(self, text):
        program = self.program
        current = []
        for i in range(len(text) + 1):
            seen = set()
            threads = []
            # a match may start here, after the threads still running
            for pc in current + [0]:
                stack = [pc]
                while stack:
                    pc = stack.pop()
                    if pc in seen:
                        continue
                    seen.add(pc)
                    instruction = program[pc]
                    kind = instruction[0]
                    if kind == "match":
                        return True
                    if kind == "jmp":
                        stack.append(instruction[1])
                    elif kind == "split":
                        stack.append(instruction[2])
                        stack.append(instruction[1])
                    elif kind == "at":
                        if self._at(instruction[1], instruction[2], instruction[3], text, i):
                            stack.append(pc + 1)
                    else:
                        threads.append(pc)
            if i == len(text):
                return False
            char = text[i]
            current = [pc + 1 for pc in threads if program[pc][1](char)]
        return False

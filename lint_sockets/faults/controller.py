"""The plugin in the main run: record the call sites each passing test reaches, then replay
the tests with one fault at a time, judge, and report."""

import json
import os
import shutil
import sys
import tempfile
import time

import pytest

from lint_sockets.faults import FAULTS, PEER
from lint_sockets.faults import inject, replay, report


def parse_faults(value):
    if value in (None, "", "all"):
        return list(FAULTS)
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in FAULTS]
    if unknown or not names:
        hint = ""
        if len(names) == 1 and (os.path.exists(value) or "::" in value):
            hint = (" (it looks like a test path: write --socket-faults=FAULT,... or put "
                    "--socket-faults after the paths)")
        raise pytest.UsageError(
            f"--socket-faults: unknown fault {', '.join(unknown) or repr(value)}{hint}; "
            f"the faults are {', '.join(FAULTS)}")
    return [f for f in FAULTS if f in names]


class Controller:
    def __init__(self, config):
        self.config = config
        opt = config.getoption
        if opt("numprocesses", None) or hasattr(config, "workerinput"):
            raise pytest.UsageError("--socket-faults replays tests one at a time; "
                                    "run it without -n")
        self.faults = parse_faults(opt("socket_faults"))
        self.max_runs = opt("socket_faults_max_runs")
        self.timeout = opt("socket_faults_timeout")
        self.nth = opt("socket_faults_call")
        self.seed = opt("socket_faults_seed")
        self.per_site = opt("socket_faults_per_site")
        if self.max_runs < 1:
            raise pytest.UsageError("--socket-faults-max-runs must be at least 1")
        if not self.timeout > 0:
            raise pytest.UsageError("--socket-faults-timeout must be more than 0")
        if self.per_site < 0:
            raise pytest.UsageError("--socket-faults-per-site must be 0 or more")
        if self.nth < 1:
            raise pytest.UsageError("--socket-faults-call must be at least 1")
        self.rootdir = os.fspath(config.rootpath)
        self.invocation_dir = os.fspath(config.invocation_params.dir)
        roots = [os.path.join(self.invocation_dir, p) for p in opt("socket_faults_in")]
        for root in roots:
            if not os.path.exists(root):
                raise pytest.UsageError(f"--socket-faults-in: {root} does not exist")
        self.roots = roots or [self.rootdir]
        self.findings = None
        source = opt("socket_faults_from")
        if source:
            try:
                self.findings = report.read_findings(
                    os.path.join(self.invocation_dir, source), self.invocation_dir)
            except report.FindingsError as exc:
                raise pytest.UsageError(f"--socket-faults-from: {exc}") from None
        self.report_path = opt("socket_faults_report")
        self.tests = {}        # nodeid -> recorded sites, for tests that passed
        self.order = []
        self.reports = {}
        self.entries = []      # findings, as in the JSON report
        self.reached = {}      # (real file, line, fault) -> set of nodeids
        self.problems = []     # replays that could not run
        self.runs = 0
        self.capped = 0
        self.elapsed = 0.0
        self.replayed_tests = 0
        self.tried = {}        # (real file, line, fault) -> tests replayed with it
        self._index = 0

    # main run

    def start(self):
        files = [f.filename for f in self.findings] if self.findings else []
        inject.STATE.scope = inject.Scope(self.roots, files)
        inject.STATE.mode = "record"
        inject.install()

    def pytest_unconfigure(self, config):
        inject.uninstall()

    def pytest_report_header(self, config):
        where = ", ".join(report.display_path(r, self.rootdir) for r in self.roots)
        return [f"socket-faults: {','.join(self.faults)}; code under test: {where}; "
                f"seed {self.seed} (--socket-faults-seed={self.seed} repeats this run)"]

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        inject.STATE.sites = {}
        self.reports[item.nodeid] = []
        yield
        sites = inject.STATE.sites
        inject.STATE.sites = {}
        reports = self.reports.pop(item.nodeid, [])
        if sites and reports and replay.outcome_of(reports) == "passed":
            self.tests[item.nodeid] = (item, sites, sum(r.duration for r in reports))
            self.order.append(item.nodeid)

    def pytest_runtest_logreport(self, report):
        if report.nodeid in self.reports:
            self.reports[report.nodeid].append(report)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus):
        inject.STATE.mode = "off"
        if exitstatus in (pytest.ExitCode.INTERRUPTED, pytest.ExitCode.USAGE_ERROR,
                          pytest.ExitCode.INTERNAL_ERROR):
            return
        terminal = self.config.pluginmanager.get_plugin("terminalreporter")
        begin = time.monotonic()
        workdir = tempfile.mkdtemp(prefix="lint-sockets-faults-")
        try:
            self._replay_all(workdir, terminal)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        self.elapsed = time.monotonic() - begin
        if self.report_path:
            entries = [{k: e[k] for k in ("test", "fault", "file", "line", "outcome", "rule")}
                       for e in self.entries]
            report.write_json(os.path.join(self.invocation_dir, self.report_path), entries)
        if self.entries and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def _candidates(self, sites):
        """(file, line, fault, method, ssl) to try, in a fixed order."""
        out = []
        for (filename, line, fault), (count, method, is_ssl) in sites.items():
            if fault not in self.faults or count < self.nth:
                continue
            real = os.path.normcase(os.path.realpath(filename))
            key = (real, line, fault)
            if self.findings is not None and not any(
                    f.covers(real, line, fault) for f in self.findings):
                continue
            out.append((filename, line, fault, method, is_ssl, key))
        out.sort(key=lambda c: (c[0], c[1], FAULTS.index(c[2])))
        return out

    def _replay_all(self, workdir, terminal):
        """Replay tests, most untried faults first: each round takes the test that reaches
        the most (site, fault) pairs still wanted, so few tests (and few unfaulted runs)
        cover every pair."""
        candidates = {}
        for nodeid in self.order:
            candidates[nodeid] = self._candidates(self.tests[nodeid][1])
            for c in candidates[nodeid]:
                self.reached.setdefault(c[5], set()).add(nodeid)
        planned = {}
        cut = set()
        used = set()
        while True:
            shown = {(e["real"], e["line"], e["fault"]) for e in self.entries}

            def wanted(c):
                return c[5] not in shown and not (
                    self.per_site and planned.get(c[5], 0) >= self.per_site)

            best = None
            for nodeid in self.order:
                if nodeid in used:
                    continue
                mine = [c for c in candidates[nodeid] if wanted(c)]
                if mine and (best is None or len(mine) > len(best[1])):
                    best = (nodeid, mine)
            if best is None:
                break
            nodeid, mine = best
            used.add(nodeid)
            cut.update(c[5] for c in mine[self.max_runs:])
            mine = mine[:self.max_runs]
            for c in mine:
                planned[c[5]] = planned.get(c[5], 0) + 1
            item, _, duration = self.tests[nodeid]
            if not self._replay_test(nodeid, item, duration, mine, workdir, terminal):
                for c in mine:
                    planned[c[5]] -= 1
        self.capped = len({k for k in cut if not self.tried.get(k)})

    def _replay_test(self, nodeid, item, duration, candidates, workdir, terminal):
        """Replay one test without a fault, then with each candidate; False when the test
        does not pass alone."""
        self.replayed_tests += 1
        base = self._run(nodeid, item, None, workdir, max(self.timeout, 3 * duration))
        if base.error is not None or base.killed is not None or base.outcome != "passed":
            why = base.error or (f"it {base.killed}s" if base.killed
                                 else f"it is {base.outcome}")
            self.problems.append((nodeid, f"does not pass when run alone: {why}", base.log))
            return False
        timeout = max(self.timeout, 3 * base.duration)
        if terminal is not None:
            terminal.write_line(f"socket-faults: {nodeid}: {len(candidates)} faulted "
                                f"run{'s' if len(candidates) > 1 else ''}")
            _flush(terminal)
        for filename, line, fault, method, is_ssl, key in candidates:
            if any((e["real"], e["line"], e["fault"]) == key for e in self.entries):
                continue  # shown meanwhile by another test
            target = {"file": filename, "line": line, "fault": fault}
            run = self._run(nodeid, item, target, workdir, timeout)
            self.runs += 1
            self.tried[key] = self.tried.get(key, 0) + 1
            if run.error is not None:
                self.problems.append((nodeid, f"{fault} at {line}: {run.error}", run.log))
                continue
            outcome = replay.judge(fault, base, run)
            if terminal is not None and self.config.getoption("verbose") > 0:
                terminal.write_line(f"    {report.display_path(filename, self.rootdir)}:{line} "
                                    f"{fault}: {_describe(run)} -> {outcome or 'no finding'}")
                _flush(terminal)
            if outcome is None:
                continue
            fired = run.fired or {"method": method, "ssl": is_ssl}
            self.entries.append({
                "test": nodeid, "fault": fault,
                "file": report.display_path(filename, self.rootdir), "line": line,
                "outcome": outcome,
                "rule": report.rule_for(fault, fired["method"], fired["ssl"]),
                "real": key[0],
            })
        return True

    def _run(self, nodeid, item, target, workdir, timeout):
        self._index += 1
        index = self._index
        status = os.path.join(workdir, f"{index}.status")
        spec_path = os.path.join(workdir, f"{index}.json")
        spec = {
            "nodeid": nodeid, "target": target, "nth": self.nth, "seed": self.seed,
            "status": status, "roots": self.roots,
            "files": [f.filename for f in self.findings] if self.findings else [],
        }
        with open(spec_path, "w", encoding="utf-8") as handle:
            json.dump(spec, handle)
        path = os.fspath(item.path) if hasattr(item, "path") else str(item.fspath)
        parts = nodeid.split("::", 1)
        selector = path + ("::" + parts[1] if len(parts) > 1 else "")
        args = replay.child_arguments(self.config.invocation_params.args, self.config.args)
        command = [sys.executable, "-m", "pytest", *args]
        if self.config.pluginmanager.has_plugin("cacheprovider"):
            command += ["-o", f"cache_dir={os.path.join(workdir, 'cache')}"]
        command += [f"--basetemp={os.path.join(workdir, f'{index}.tmp')}",
                    "-p", "no:randomly",
                    f"--socket-faults-child={spec_path}", selector]
        if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
            command[3:3] = ["-p", "lint_sockets.faults.plugin"]
        return replay.run_child(command, self.invocation_dir, status,
                                os.path.join(workdir, f"{index}.log"), timeout)

    def pytest_terminal_summary(self, terminalreporter):
        tr = terminalreporter
        tr.section("socket faults")
        sites = len({k[:2] for k in self.reached})
        tr.write_line(
            f"{len(self.order)} passing tests reached {sites} call sites in the code under "
            f"test; {self.runs} faulted runs of {self.replayed_tests} tests in "
            f"{self.elapsed:.1f} s; seed {self.seed} (--socket-faults-seed={self.seed})")
        if self.capped:
            tr.write_line(f"{self.capped} faults at reached sites not replayed: "
                          f"--socket-faults-max-runs={self.max_runs}")
        for number, (nodeid, why, log) in enumerate(self.problems):
            tr.write_line(f"not replayed: {nodeid} {why}", yellow=True)
            if log and (number == 0 or self.config.getoption("verbose") > 0):
                for text in log.rstrip().splitlines()[-15:]:
                    tr.write_line("    " + text)
        if self.findings is not None:
            for text in report.confirmation_lines(self.findings, self.entries, self.reached,
                                                  self.rootdir):
                tr.write_line(text, red=" confirmed by " in text)
        elif self.entries:
            for text in report.finding_lines(self.entries):
                tr.write_line(text, red=True)
        elif self.runs:
            tr.write_line("no fault changed the outcome of a test", green=True)
        else:
            tr.write_line("no faulted run", yellow=bool(self.problems))
        if self.entries and self.findings is None:
            peer = sum(1 for e in self.entries if e["fault"] in PEER)
            tr.write_line(f"{len(self.entries)} findings ({peer} under peer faults)")


def _describe(run):
    if run.fired is None:
        return "not injected"
    if run.killed:
        return f"killed after {run.duration:.1f} s ({run.killed})"
    extra = f", {len(run.thread_errors)} thread errors" if run.thread_errors else ""
    return f"{run.outcome} in {run.duration:.1f} s{extra}"


def _flush(terminal):
    flush = getattr(terminal, "flush", None)  # progress shows while replays run
    if flush is not None:
        flush()

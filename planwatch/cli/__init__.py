"""The `planwatch` command: a thin shell over the Python API.

Each command module registers its commands on the typer app (`planwatch.cli.root`); a
command opens what it needs, calls one API function, prints the result, and turns a
PlanwatchError into one red line and a non-zero exit status.

Start-up is kept to milliseconds: typer alone takes about as long to import as the bare
interpreter takes to start, so `planwatch --help` (and `planwatch` alone) is printed here
from COMMANDS without importing typer, and a command loads only its own module.
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple

# module: the module of planwatch.cli that registers the command; summary: its line in the top-level help.
# COMMANDS lists single commands before groups (users, tokens, review), the order typer lists them in.
Command = namedtuple("Command", "name module summary")


COMMANDS = (
    Command("extract", "extract_cmd", "Print facts or commitments of files, with evidence offsets."),
    Command("ingest", "store_cmd", "Store documents and their facts; unchanged files add nothing."),
    Command("facts", "store_cmd", "Print stored facts of the latest document versions."),
    Command("documents", "store_cmd", "List the latest version of each stored document."),
    Command("serve", "web_cmd", "Serve the dashboard, its JSON API (/docs) and /healthz."),
    Command("evaluate", "evaluate_cmd", "Judge each stored target against the stored results."),
    Command("findings", "evaluate_cmd", "Consistency findings: conflicting values, restatements."),
    Command("plans", "evaluate_cmd", "Five-year plans: base, targets, progress, growth, 预警."),
    Command("report", "evaluate_cmd", "Write 主要指标完成情况表 or a plan's progress table."),
    Command("explain", "explain_cmd", "Print each fact of a file with the rule that decided it."),
    Command("audit", "accounts_cmd", "The audit log, newest first: who changed what, when."),
    Command("commitments", "commitments_cmd", "Each promised task or project with its status."),
    Command("projects", "commitments_cmd", "Named projects with every mention across documents."),
    Command("reextract", "review_cmd", "Extract the stored documents again; review decisions are kept."),
    Command("worker", "jobs_cmd", "Run the background jobs (uploads) queued in PostgreSQL."),
    Command("users", "accounts_cmd", "Accounts of the dashboard: add, list, set-role, disable..."),
    Command("tokens", "accounts_cmd", "API tokens for scripts: add, list, revoke."),
    Command("review", "review_cmd", "Review extracted facts: queue, confirm, correct, reject..."),
)

VERBOSE_HELP = "More log output (-vv for debug)."


def description() -> str:
    from .. import settings   # read when help is printed, not at import

    return ("planwatch: development-plan documents to indicator facts with evidence.\n"
            f"Database: {settings.get('database_url')} unless --db or PLANWATCH_DATABASE_URL says otherwise.")


def _program() -> str:
    name = os.path.basename(sys.argv[0])
    return "python -m planwatch" if name == "__main__.py" else name


def help_text() -> str:
    """The top-level help, in click's layout."""
    import shutil
    import textwrap

    width = max(min(shutil.get_terminal_size().columns, 80) - 2, 50)
    name_width = max(len(command.name) for command in COMMANDS)
    lines = [f"Usage: {_program()} [OPTIONS] COMMAND [ARGS]...", ""]
    for paragraph in description().splitlines():
        lines += textwrap.wrap(paragraph, width, initial_indent="  ", subsequent_indent="  ")
    lines += ["", "Options:",
              f"  {'-v, --verbose':<13}  {VERBOSE_HELP}",
              f"  {'--help':<13}  Show this message and exit.",
              "", "Commands:"]
    for command in COMMANDS:
        lines += textwrap.wrap(command.summary, width, initial_indent=f"  {command.name:<{name_width}}  ",
                               subsequent_indent=" " * (name_width + 4))
    return "\n".join(lines)


def main() -> None:
    args = sys.argv[1:]
    if args in ([], ["--help"]):
        # no arguments: the help on standard error and exit status 2, as click does
        print(help_text(), file=sys.stdout if args else sys.stderr)
        sys.exit(0 if args else 2)
    named = [arg for arg in args if not arg.startswith("-")][:1]
    known = {command.name for command in COMMANDS}
    from .root import load

    # an unknown command loads them all, for click's "No such command" and its suggestions
    load(named if named and named[0] in known else None)()


def __getattr__(name: str):
    """`from planwatch.cli import app`: the application with every command (tests, scripts)."""
    if name == "app":
        from .root import load

        return load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
